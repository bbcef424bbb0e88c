package dev.parley.api.partner;

import java.io.Serializable;

/**
 * A brand's partner program: the tenant that owns partners, offers and plugin data.
 *
 * @param id program id
 * @param name program (brand) name, e.g. for the {@code {program_name}} macro
 * @param plan the plan key (see {@link dev.parley.api.feature.Plans})
 * @since 1.0
 */
public record Program(long id, String name, String plan) implements Serializable {
}
