package dev.parley.api.partner;

/**
 * State of a partner's relationship with a program (its application status while pending).
 *
 * @since 1.0
 */
public enum PartnershipStatus {
    PENDING, APPROVED, DECLINED, ARCHIVED
}
