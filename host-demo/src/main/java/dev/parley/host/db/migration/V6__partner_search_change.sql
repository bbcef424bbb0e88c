-- Which partners changed, per program and search version, so a host node whose search index is at
-- version k reads only the partners written since k instead of the whole program (PartnerSearchIndex).
-- Written in the same transaction as the version raise (PartnerMapper's partner writes, the demo
-- generator): the version row's lock orders a program's writers, so versions are committed in order and
-- a reader that sees version V sees every change row of every version up to V (an AUTO_INCREMENT
-- number would be handed out at insert time, not at commit, and a reader could skip a slower writer).
-- Every raise writes at least one row; a reader that finds a version without rows loads the program
-- whole.
CREATE TABLE partner_search_change (
  program_id BIGINT NOT NULL,
  version    BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  PRIMARY KEY (program_id, version, partner_id)
);

-- The change rows of versions up to log_floor may be gone (pruned to keep the table small): an index
-- older than that loads the program whole.
ALTER TABLE partner_search_version ADD COLUMN log_floor BIGINT NOT NULL DEFAULT 0;
