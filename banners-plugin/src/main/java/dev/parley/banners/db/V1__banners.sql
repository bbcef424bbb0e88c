-- Dashboard banners of a program.
CREATE TABLE bnr_banner (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id    BIGINT       NOT NULL,
  internal_name VARCHAR(100) NOT NULL,
  headline      VARCHAR(75)  NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  KEY ix_bnr_banner_program (program_id)
);
