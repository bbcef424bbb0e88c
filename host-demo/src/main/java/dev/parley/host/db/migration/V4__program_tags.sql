-- The distinct tags of each program, written beside partner_tag in the same transaction
-- (PartnerMapper.tag, the demo generator's batches). The inbox and partner filter forms list them on
-- every render; a DISTINCT over partner_tag reads every tag row of the program (~115k at 100k
-- partners), this table one short range. Tags are only ever added to partners; a path that removes
-- them must also remove the program's tag when no partner keeps it.
CREATE TABLE program_tag (
  program_id BIGINT      NOT NULL,
  tag        VARCHAR(64) NOT NULL,
  PRIMARY KEY (program_id, tag)
);

INSERT IGNORE INTO program_tag (program_id, tag) SELECT DISTINCT program_id, tag FROM partner_tag;
