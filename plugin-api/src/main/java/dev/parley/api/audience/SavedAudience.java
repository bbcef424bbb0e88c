package dev.parley.api.audience;

import dev.parley.api.partner.PartnerFilter;
import java.io.Serializable;

/**
 * A named, reusable set of partner rules of one program.
 *
 * @param id audience id, unique within its provider
 * @param programId owning program
 * @param name display name
 * @param filter the rules
 * @param uses how often it was used (for "most used first")
 * @since 1.0
 */
public record SavedAudience(long id, long programId, String name, PartnerFilter filter, long uses) implements Serializable {
}
