-- Bulk messages (broadcasts), templates, saved audiences and the scheduler's table. Times are UTC DATETIME(3).

-- A bulk message through its life: DRAFT -> SCHEDULED -> SENDING (<-> PAUSED) -> SENT, or CANCELLED.
-- A TEMPLATE row (kind) is never sent. The audience is an encoded PartnerFilter; the send job
-- snapshots it (msg_bulk_chunk: recipients; msg_bulk_recipient: who is left out and why), then fans out
-- in-app copies into msg_bulk_delivery.
-- Counters are kept in the same transactions that change the rows they count.
CREATE TABLE msg_bulk (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id        BIGINT       NOT NULL,
  kind              VARCHAR(8)   NOT NULL,
  status            VARCHAR(10)  NOT NULL,
  name              VARCHAR(200) NULL,
  subject           VARCHAR(200) NOT NULL,
  body              MEDIUMTEXT   NOT NULL,
  audience          MEDIUMTEXT   NOT NULL,
  audience_label    VARCHAR(300) NOT NULL,
  saved_audience_id BIGINT       NULL,
  offer_ids         VARCHAR(500) NOT NULL,
  fallbacks         TEXT         NOT NULL,
  allow_replies     BOOLEAN      NOT NULL,
  email_copy        BOOLEAN      NOT NULL,
  scheduled_at      DATETIME(3)  NULL,
  sender_zone       VARCHAR(64)  NOT NULL,
  created_by        BIGINT       NOT NULL,
  created_by_name   VARCHAR(200) NOT NULL,
  sent_by           BIGINT       NULL,
  sent_by_name      VARCHAR(200) NULL,
  created_at        DATETIME(3)  NOT NULL,
  updated_at        DATETIME(3)  NOT NULL,
  started_at        DATETIME(3)  NULL,
  finished_at       DATETIME(3)  NULL,
  snapshot_done     BOOLEAN      NOT NULL DEFAULT FALSE,
  snapshot_cursor   BIGINT       NOT NULL DEFAULT 0,
  snapshot_chunks   INT          NOT NULL DEFAULT 0,
  fanout_cursor     BIGINT       NOT NULL DEFAULT 0,
  recipients        INT          NOT NULL DEFAULT 0,
  excluded          INT          NOT NULL DEFAULT 0,
  delivered         INT          NOT NULL DEFAULT 0,
  emails_sent       INT          NOT NULL DEFAULT 0,
  emails_failed     INT          NOT NULL DEFAULT 0,
  opens             INT          NOT NULL DEFAULT 0,
  replies           INT          NOT NULL DEFAULT 0,
  pause_reason      VARCHAR(32)  NULL,
  KEY ix_msg_bulk_list (program_id, kind, status, updated_at, id)
);

-- The audience as it was when sending started, written once before any copy: the recipients
-- packed 1,000 to a row with what their copies are rendered from (id, name, contact e-mail, manager;
-- see SendJob.pack), so the snapshot costs a few rows
-- and not one per recipient. The fan-out delivers one chunk per transaction.
CREATE TABLE msg_bulk_chunk (
  bulk_id          BIGINT     NOT NULL,
  chunk_no         INT        NOT NULL,
  first_partner_id BIGINT     NOT NULL,
  last_partner_id  BIGINT     NOT NULL,
  partners         MEDIUMBLOB NOT NULL,
  PRIMARY KEY (bulk_id, chunk_no),
  KEY ix_msg_bulk_chunk_last (bulk_id, last_partner_id)
);

-- Chosen partners left out of the snapshot, with the reason (excluded by hand, not approved for an
-- included offer, a macro value missing without fallback), for the review and delivery log.
CREATE TABLE msg_bulk_recipient (
  bulk_id         BIGINT       NOT NULL,
  partner_id      BIGINT       NOT NULL,
  partner_name    VARCHAR(200) NOT NULL,
  excluded_reason VARCHAR(300) NOT NULL,
  PRIMARY KEY (bulk_id, partner_id)
);

-- In-app copies, exactly one per (bulk, partner, member); member_id 0 = the partner team.
-- Subject and body are personalised with the recipient's macro values.
CREATE TABLE msg_bulk_delivery (
  bulk_id                 BIGINT       NOT NULL,
  partner_id              BIGINT       NOT NULL,
  member_id               BIGINT       NOT NULL,
  program_id              BIGINT       NOT NULL,
  partner_name            VARCHAR(200) NOT NULL,
  subject                 VARCHAR(300) NOT NULL,
  body                    MEDIUMTEXT   NOT NULL,
  delivered_at            DATETIME(3)  NOT NULL,
  opened_at               DATETIME(3)  NULL,
  opened_via              VARCHAR(8)   NULL,
  reply_conversation_id   BIGINT       NULL,
  replied_at              DATETIME(3)  NULL,
  PRIMARY KEY (bulk_id, partner_id, member_id),
  KEY ix_msg_bulk_delivery_partner (program_id, partner_id, delivered_at, bulk_id),
  KEY ix_msg_bulk_delivery_opened (bulk_id, opened_at),
  KEY ix_msg_bulk_delivery_reply (reply_conversation_id)
);

-- E-mail copies to members who asked for e-mail: retried with backoff, each attempt's result kept.
CREATE TABLE msg_bulk_email (
  bulk_id         BIGINT       NOT NULL,
  partner_id      BIGINT       NOT NULL,
  member_id       BIGINT       NOT NULL,
  email           VARCHAR(320) NOT NULL,
  first_name      VARCHAR(200) NOT NULL,
  status          VARCHAR(8)   NOT NULL,
  attempts        INT          NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(3)  NOT NULL,
  last_error      VARCHAR(500) NULL,
  sent_at         DATETIME(3)  NULL,
  opened_at       DATETIME(3)  NULL,
  PRIMARY KEY (bulk_id, partner_id, member_id),
  KEY ix_msg_bulk_email_due (bulk_id, status, next_attempt_at)
);

CREATE TABLE msg_saved_audience (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id  BIGINT       NOT NULL,
  name        VARCHAR(200) NOT NULL,
  filter      MEDIUMTEXT   NOT NULL,
  uses        BIGINT       NOT NULL DEFAULT 0,
  created_by  BIGINT       NOT NULL,
  created_at  DATETIME(3)  NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_msg_saved_audience_name (program_id, name),
  KEY ix_msg_saved_audience_uses (program_id, uses, id)
);

-- db-scheduler's table (com.github.kagkarlsson:db-scheduler, MySQL/MariaDB layout).
CREATE TABLE msg_scheduled_tasks (
  task_name            VARCHAR(100) NOT NULL,
  task_instance        VARCHAR(100) NOT NULL,
  task_data            BLOB,
  execution_time       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  picked               BOOLEAN      NOT NULL,
  picked_by            VARCHAR(50),
  last_success         TIMESTAMP(6) NULL,
  last_failure         TIMESTAMP(6) NULL,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMP(6) NULL,
  version              BIGINT       NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance),
  INDEX execution_time_idx (execution_time),
  INDEX last_heartbeat_idx (last_heartbeat),
  INDEX priority_execution_time_idx (priority DESC, execution_time ASC)
);
