-- Conversations between a program's team and one partner (whole team or one member).
CREATE TABLE msg_conversation (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id      BIGINT       NOT NULL,
  partner_id      BIGINT       NOT NULL,
  member_id       BIGINT       NULL,
  subject         VARCHAR(200) NOT NULL,
  status          VARCHAR(16)  NOT NULL DEFAULT 'OPEN',
  unread          BOOLEAN      NOT NULL DEFAULT TRUE,
  last_message_at DATETIME(3)  NOT NULL,
  created_at      DATETIME(3)  NOT NULL,
  KEY ix_msg_conversation_inbox (program_id, status, last_message_at, id),
  KEY ix_msg_conversation_partner (program_id, partner_id, last_message_at)
);
