package dev.parley.api.feature;

/**
 * Decides whether a program may use a feature: its plan includes the feature and the plugin that
 * declares it is running. Changes by an admin take effect at once.
 *
 * @since 1.0
 */
public interface FeatureGate {

    /** @return whether the program's plan currently includes the feature */
    boolean isEnabled(long programId, String featureKey);
}
