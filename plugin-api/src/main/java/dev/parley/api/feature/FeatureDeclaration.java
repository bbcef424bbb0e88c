package dev.parley.api.feature;

import java.util.Set;

/**
 * A feature a plugin brings, and the plans that get it until an admin changes the plan matrix.
 *
 * @param key feature key, e.g. {@code messaging}
 * @param labelKey resource key of the feature's name, looked up next to the contributing class
 * @param defaultPlans plan keys enabled by default
 * @since 1.0
 */
public record FeatureDeclaration(String key, String labelKey, Set<String> defaultPlans) {

    public FeatureDeclaration {
        defaultPlans = Set.copyOf(defaultPlans);
    }
}
