package dev.parley.api.feature;

import java.util.List;

/**
 * The plan keys a host offers. Hosts may have more; these three are always present.
 *
 * @since 1.0
 */
public final class Plans {

    public static final String STARTER = "starter";
    public static final String PARTNER = "partner";
    public static final String ADVANCED = "advanced";

    /** All standard plans, cheapest first. */
    public static final List<String> ALL = List.of(STARTER, PARTNER, ADVANCED);

    private Plans() {
    }
}
