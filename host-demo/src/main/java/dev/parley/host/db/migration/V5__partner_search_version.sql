-- A counter per program, raised in the same transaction as every write that changes what a partner
-- text search can find in the program (a partnership added, a partner renamed, a member e-mail added;
-- PartnerMapper's writing methods do it). The host searches names and e-mails in memory
-- (PartnerSearchIndex) and reads this one row per search: a different number means "load again".
CREATE TABLE partner_search_version (
  program_id BIGINT NOT NULL PRIMARY KEY,
  version    BIGINT NOT NULL
);
