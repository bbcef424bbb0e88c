-- Audience rules on revenue or conversions over a period sum performance_month per partner for one
-- program and months: with revenue and conversions in the index that scan never reads the table rows.
-- It starts with the columns of ix_performance_month, which it replaces.
ALTER TABLE performance_month
  ADD KEY ix_performance_month_totals (program_id, month, partner_id, revenue, conversions),
  DROP KEY ix_performance_month;
