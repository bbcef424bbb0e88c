-- The search index change feed. Whoever writes messages appends a row here in the same transaction
-- (SearchChangeLog); every host instance follows the table from the last change its own index has
-- applied, so each node's Lucene index stays in step with MariaDB.
-- kind: M = one message, B = one bulk message, C = every message of a conversation (status change, move).
-- A change only says "look again": the follower reads the current rows, so re-applying is harmless.
CREATE TABLE msg_search_changes (
  change_id  BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind       CHAR(1)     NOT NULL,
  entity_id  BIGINT      NOT NULL,
  created_at DATETIME(3) NOT NULL,
  KEY ix_msg_search_changes_created (created_at)
);
