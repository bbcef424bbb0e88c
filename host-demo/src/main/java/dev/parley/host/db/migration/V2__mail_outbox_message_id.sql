-- A Message-ID is kept once: a plugin that sends a mail again after a crash (same Message-ID) does not
-- put a second copy in the outbox.
ALTER TABLE mail_outbox ADD UNIQUE KEY uk_mail_outbox_message_id (message_id);
