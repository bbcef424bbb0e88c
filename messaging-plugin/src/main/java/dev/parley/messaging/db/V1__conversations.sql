-- Messaging between a program's team and its partners. Times are UTC DATETIME(3).

-- One thread with a whole partner team (member_id NULL) or with one member. Partner and member
-- names are copies for listing; brand_unread is shared by the whole brand team, partner_unread by
-- the partner side.
CREATE TABLE msg_conversation (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id      BIGINT       NOT NULL,
  partner_id      BIGINT       NOT NULL,
  member_id       BIGINT       NULL,
  partner_name    VARCHAR(200) NOT NULL,
  member_name     VARCHAR(200) NULL,
  subject         VARCHAR(200) NOT NULL,
  status          VARCHAR(8)   NOT NULL DEFAULT 'OPEN',
  priority        BOOLEAN      NOT NULL DEFAULT FALSE,
  assignee_id     BIGINT       NULL,
  brand_unread    BOOLEAN      NOT NULL,
  partner_unread  BOOLEAN      NOT NULL,
  started_by      VARCHAR(8)   NOT NULL,
  reply_token     CHAR(24)     NOT NULL,
  last_message_at DATETIME(3)  NOT NULL,
  last_preview    VARCHAR(200) NOT NULL,
  message_count   INT          NOT NULL DEFAULT 0,
  created_at      DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_msg_conversation_token (reply_token),
  KEY ix_msg_conversation_partner (program_id, partner_id, last_message_at, id)
);

CREATE TABLE msg_message (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  conversation_id BIGINT       NOT NULL,
  program_id      BIGINT       NOT NULL,
  author_kind     VARCHAR(8)   NOT NULL,
  author_id       BIGINT       NOT NULL,
  author_name     VARCHAR(200) NOT NULL,
  channel         VARCHAR(8)   NOT NULL,
  body            MEDIUMTEXT   NOT NULL,
  external_id     VARCHAR(250) NULL,
  created_at      DATETIME(3)  NOT NULL,
  KEY ix_msg_message_conversation (conversation_id, id),
  KEY ix_msg_message_author (author_kind, author_id, created_at),
  UNIQUE KEY uk_msg_message_external (program_id, channel, external_id),
  CONSTRAINT fk_msg_message_conversation FOREIGN KEY (conversation_id) REFERENCES msg_conversation (id)
);

-- Files are kept on disk by content hash; a row exists only for a file that passed type and virus checks.
CREATE TABLE msg_attachment (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  message_id      BIGINT       NOT NULL,
  conversation_id BIGINT       NOT NULL,
  file_name       VARCHAR(255) NOT NULL,
  content_type    VARCHAR(100) NOT NULL,
  size_bytes      BIGINT       NOT NULL,
  sha256          CHAR(64)     NOT NULL,
  created_at      DATETIME(3)  NOT NULL,
  KEY ix_msg_attachment_message (message_id),
  KEY ix_msg_attachment_conversation (conversation_id),
  CONSTRAINT fk_msg_attachment_message FOREIGN KEY (message_id) REFERENCES msg_message (id)
);

-- The inbox's inverted index: one row per conversation, filter value and box. Dimensions: A = every
-- conversation (val ''), P partner, M assigned manager (0 = nobody), S partnership status, T group,
-- O offer, C client. Boxes are the inbox views: OPEN, DONE, SPAM, and UNREAD (a second row while an
-- open conversation is unread for the team). Every view with any filter is then one range of
-- ix_msg_inbox_key_list read in (last_message_at, id) order: a keyset page stops after 50 rows.
CREATE TABLE msg_inbox_key (
  conversation_id BIGINT       NOT NULL,
  dim             CHAR(1)      NOT NULL,
  val             VARCHAR(200) NOT NULL,
  box             VARCHAR(8)   NOT NULL,
  program_id      BIGINT       NOT NULL,
  last_message_at DATETIME(3)  NOT NULL,
  PRIMARY KEY (conversation_id, dim, val, box),
  KEY ix_msg_inbox_key_list (program_id, dim, val, box, last_message_at, conversation_id)
);

CREATE TABLE msg_program_settings (
  program_id         BIGINT      NOT NULL PRIMARY KEY,
  partners_may_start BOOLEAN     NOT NULL,
  max_length         INT         NOT NULL,
  sends_per_hour     INT         NOT NULL,
  updated_at         DATETIME(3) NOT NULL
);

CREATE TABLE msg_member_pref (
  program_id   BIGINT  NOT NULL,
  member_id    BIGINT  NOT NULL,
  email_notify BOOLEAN NOT NULL,
  PRIMARY KEY (program_id, member_id)
);

-- The conversation a phone number was last texted from: where its SMS replies land.
CREATE TABLE msg_sms_route (
  phone           VARCHAR(32) NOT NULL PRIMARY KEY,
  conversation_id BIGINT      NOT NULL,
  member_id       BIGINT      NOT NULL,
  sent_at         DATETIME(3) NOT NULL
);
