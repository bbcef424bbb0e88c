-- Dashboard banners of a program. Times are UTC.
CREATE TABLE bnr_banner (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id      BIGINT        NOT NULL,
  internal_name   VARCHAR(100)  NOT NULL,
  headline        VARCHAR(75)   NOT NULL,
  body            VARCHAR(450)  NOT NULL DEFAULT '',
  image_id        BIGINT        NULL,
  cta_label       VARCHAR(40)   NULL,
  cta_url         VARCHAR(1000) NULL,
  style           VARCHAR(16)   NOT NULL,
  placement       VARCHAR(16)   NOT NULL,
  priority        INT           NOT NULL DEFAULT 100,
  audience_kind   VARCHAR(16)   NOT NULL,
  audience_id     BIGINT        NULL,
  rule_tag        VARCHAR(100)  NULL,
  rule_status     VARCHAR(16)   NULL,
  rule_offer_id   BIGINT        NULL,
  rule_min_revenue DECIMAL(14,2) NULL,
  rule_months     INT           NULL,
  offer_id        BIGINT        NULL,
  dismissible     BOOLEAN       NOT NULL DEFAULT TRUE,
  starts_at       DATETIME(3)   NOT NULL,
  ends_at         DATETIME(3)   NULL,
  published       BOOLEAN       NOT NULL DEFAULT FALSE,
  archived        BOOLEAN       NOT NULL DEFAULT FALSE,
  content_hash    CHAR(64)      NOT NULL,
  created_by      BIGINT        NOT NULL,
  created_at      DATETIME(3)   NOT NULL,
  updated_at      DATETIME(3)   NOT NULL,
  KEY ix_bnr_banner_program (program_id, archived)
);

-- Uploaded banner images; the type is decided by content.
CREATE TABLE bnr_image (
  id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id   BIGINT       NOT NULL,
  content_type VARCHAR(32)  NOT NULL,
  data         MEDIUMBLOB   NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  KEY ix_bnr_image_program (program_id)
);

-- A member's dismissal of one version of a banner (content_hash); a changed banner comes back.
CREATE TABLE bnr_dismissal (
  banner_id    BIGINT      NOT NULL,
  member_id    BIGINT      NOT NULL,
  program_id   BIGINT      NOT NULL,
  partner_id   BIGINT      NOT NULL,
  content_hash CHAR(64)    NOT NULL,
  dismissed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (banner_id, member_id)
);

-- The first time a member saw a banner (unique views).
CREATE TABLE bnr_view (
  banner_id   BIGINT      NOT NULL,
  member_id   BIGINT      NOT NULL,
  program_id  BIGINT      NOT NULL,
  partner_id  BIGINT      NOT NULL,
  seen_at     DATETIME(3) NOT NULL,
  PRIMARY KEY (banner_id, member_id)
);

-- Call-to-action clicks.
CREATE TABLE bnr_click (
  id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  banner_id   BIGINT      NOT NULL,
  member_id   BIGINT      NOT NULL,
  program_id  BIGINT      NOT NULL,
  partner_id  BIGINT      NOT NULL,
  clicked_at  DATETIME(3) NOT NULL,
  KEY ix_bnr_click_banner (banner_id, clicked_at)
);
