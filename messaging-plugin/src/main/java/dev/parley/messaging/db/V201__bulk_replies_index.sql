-- The replies of one bulk message in partner order (the message's page lists them while it is being
-- sent). Without this index MariaDB read the message's copies in partner order until it had found a
-- page of replies: at 100,000 recipients and few replies, every copy (~100,000 rows, up to 0.5 s under
-- load) on each view of the page.
ALTER TABLE msg_bulk_delivery
  ADD COLUMN replied BOOLEAN AS (reply_conversation_id IS NOT NULL) VIRTUAL,
  ADD KEY ix_msg_bulk_delivery_replied (bulk_id, replied, partner_id, member_id);
