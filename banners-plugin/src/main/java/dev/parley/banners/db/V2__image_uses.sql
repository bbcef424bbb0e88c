-- Finds the banners using an image: unused uploads are deleted after a grace period (UnusedImages),
-- and the check must lock only the rows of that one image.
CREATE INDEX ix_bnr_banner_image ON bnr_banner (image_id);
CREATE INDEX ix_bnr_image_created ON bnr_image (created_at);
