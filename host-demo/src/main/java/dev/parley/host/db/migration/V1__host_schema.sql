-- The host's own tables: tenants (programs) on plans, brand users and roles, partners and their
-- members, partnerships, offers and approvals, monthly performance. Times are UTC.

CREATE TABLE plan (
  plan_key   VARCHAR(40)  NOT NULL PRIMARY KEY,
  name       VARCHAR(100) NOT NULL,
  sort_order INT          NOT NULL
);

INSERT INTO plan (plan_key, name, sort_order) VALUES
  ('starter', 'Starter', 1), ('partner', 'Partner', 2), ('advanced', 'Advanced', 3);

-- Effective plan x feature matrix. A row is written from the plugin's defaults the first time a
-- feature is seen and is afterwards only changed by an admin.
CREATE TABLE plan_feature (
  plan_key    VARCHAR(40) NOT NULL,
  feature_key VARCHAR(64) NOT NULL,
  enabled     BOOLEAN     NOT NULL,
  PRIMARY KEY (plan_key, feature_key),
  CONSTRAINT fk_plan_feature_plan FOREIGN KEY (plan_key) REFERENCES plan (plan_key)
);

CREATE TABLE program (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name       VARCHAR(200) NOT NULL,
  plan_key   VARCHAR(40)  NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  CONSTRAINT fk_program_plan FOREIGN KEY (plan_key) REFERENCES plan (plan_key)
);

CREATE TABLE brand_user (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id     BIGINT       NOT NULL,
  email          VARCHAR(254) NOT NULL,
  name           VARCHAR(200) NOT NULL,
  password_hash  VARCHAR(100) NOT NULL,
  platform_admin BOOLEAN      NOT NULL DEFAULT FALSE,
  time_zone      VARCHAR(64)  NOT NULL DEFAULT 'UTC',
  locale         VARCHAR(16)  NOT NULL DEFAULT 'en',
  created_at     DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_brand_user_email (email),
  KEY ix_brand_user_program (program_id),
  CONSTRAINT fk_brand_user_program FOREIGN KEY (program_id) REFERENCES program (id)
);

-- Built-in roles have no program; custom roles belong to one program.
CREATE TABLE role (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id BIGINT       NULL,
  name       VARCHAR(100) NOT NULL,
  builtin    BOOLEAN      NOT NULL DEFAULT FALSE,
  UNIQUE KEY uk_role_name (program_id, name),
  CONSTRAINT fk_role_program FOREIGN KEY (program_id) REFERENCES program (id)
);

CREATE TABLE role_permission (
  role_id    BIGINT      NOT NULL,
  permission VARCHAR(64) NOT NULL,
  PRIMARY KEY (role_id, permission),
  CONSTRAINT fk_role_permission_role FOREIGN KEY (role_id) REFERENCES role (id) ON DELETE CASCADE
);

-- Remembers which declared permissions already got their default roles, so an admin's later
-- removal is not undone at the next start.
CREATE TABLE permission_seen (
  permission VARCHAR(64) NOT NULL PRIMARY KEY
);

CREATE TABLE brand_user_role (
  user_id BIGINT NOT NULL,
  role_id BIGINT NOT NULL,
  PRIMARY KEY (user_id, role_id),
  CONSTRAINT fk_bur_user FOREIGN KEY (user_id) REFERENCES brand_user (id) ON DELETE CASCADE,
  CONSTRAINT fk_bur_role FOREIGN KEY (role_id) REFERENCES role (id) ON DELETE CASCADE
);

INSERT INTO role (program_id, name, builtin) VALUES
  (NULL, 'Account Admin', TRUE), (NULL, 'Community Manager', TRUE), (NULL, 'Analyst', TRUE);
INSERT INTO role_permission (role_id, permission)
  SELECT id, 'administer' FROM role WHERE name = 'Account Admin' AND builtin
  UNION ALL SELECT id, 'manage_partners' FROM role WHERE name IN ('Account Admin', 'Community Manager') AND builtin
  UNION ALL SELECT id, 'view_partners' FROM role WHERE builtin;

CREATE TABLE partner (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(200) NOT NULL,
  email         VARCHAR(254) NOT NULL,
  last_login_at DATETIME(3)  NULL,
  created_at    DATETIME(3)  NOT NULL,
  KEY ix_partner_name (name),
  KEY ix_partner_email (email)
);

CREATE TABLE partner_member (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id    BIGINT       NOT NULL,
  name          VARCHAR(200) NOT NULL,
  first_name    VARCHAR(100) NOT NULL,
  email         VARCHAR(254) NOT NULL,
  phone         VARCHAR(32)  NULL,
  password_hash VARCHAR(100) NOT NULL,
  time_zone     VARCHAR(64)  NOT NULL DEFAULT 'UTC',
  locale        VARCHAR(16)  NOT NULL DEFAULT 'en',
  last_login_at DATETIME(3)  NULL,
  created_at    DATETIME(3)  NOT NULL,
  UNIQUE KEY uk_partner_member_email (email),
  KEY ix_partner_member_partner (partner_id),
  KEY ix_partner_member_phone (phone),
  CONSTRAINT fk_partner_member_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);

CREATE TABLE partnership (
  program_id BIGINT      NOT NULL,
  partner_id BIGINT      NOT NULL,
  status     VARCHAR(16) NOT NULL,
  manager_id BIGINT      NULL,
  joined_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (program_id, partner_id),
  KEY ix_partnership_partner (partner_id),
  KEY ix_partnership_status (program_id, status, partner_id),
  KEY ix_partnership_manager (program_id, manager_id, partner_id),
  KEY ix_partnership_joined (program_id, joined_at),
  CONSTRAINT fk_partnership_program FOREIGN KEY (program_id) REFERENCES program (id),
  CONSTRAINT fk_partnership_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
  CONSTRAINT fk_partnership_manager FOREIGN KEY (manager_id) REFERENCES brand_user (id)
);

CREATE TABLE partner_tag (
  program_id BIGINT      NOT NULL,
  partner_id BIGINT      NOT NULL,
  tag        VARCHAR(64) NOT NULL,
  PRIMARY KEY (program_id, partner_id, tag),
  KEY ix_partner_tag_tag (program_id, tag, partner_id)
);

CREATE TABLE offer (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id BIGINT       NOT NULL,
  name       VARCHAR(200) NOT NULL,
  client     VARCHAR(200) NOT NULL,
  KEY ix_offer_program (program_id),
  CONSTRAINT fk_offer_program FOREIGN KEY (program_id) REFERENCES program (id)
);

CREATE TABLE offer_approval (
  offer_id   BIGINT      NOT NULL,
  partner_id BIGINT      NOT NULL,
  status     VARCHAR(16) NOT NULL,
  PRIMARY KEY (offer_id, partner_id),
  KEY ix_offer_approval_partner (partner_id, offer_id),
  CONSTRAINT fk_offer_approval_offer FOREIGN KEY (offer_id) REFERENCES offer (id)
);

-- Monthly figures per partner and offer; month is 'YYYY-MM'.
CREATE TABLE performance_month (
  program_id  BIGINT        NOT NULL,
  partner_id  BIGINT        NOT NULL,
  offer_id    BIGINT        NOT NULL,
  month       CHAR(7)       NOT NULL,
  revenue     DECIMAL(14,2) NOT NULL,
  conversions INT           NOT NULL,
  clicks      INT           NOT NULL,
  PRIMARY KEY (program_id, partner_id, offer_id, month),
  KEY ix_performance_month (program_id, month, partner_id),
  KEY ix_performance_offer (program_id, offer_id, partner_id)
);

CREATE TABLE host_setting (
  name  VARCHAR(100) NOT NULL PRIMARY KEY,
  value VARCHAR(1000) NOT NULL
);

-- What the demo mailer "sent", so a person can read it in the Outbox page.
CREATE TABLE mail_outbox (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  to_addr    VARCHAR(254) NOT NULL,
  reply_to   VARCHAR(254) NULL,
  subject    VARCHAR(500) NOT NULL,
  body       MEDIUMTEXT   NOT NULL,
  message_id VARCHAR(200) NOT NULL,
  sent_at    DATETIME(3)  NOT NULL
);
