package dev.parley.api.feature;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: the features and permissions a plugin declares. The host adds them to its plan
 * matrix and role editor when the plugin starts.
 *
 * @since 1.0
 */
public interface FeatureContribution extends ExtensionPoint {

    /** @return features with their default plans */
    List<FeatureDeclaration> features();

    /** @return permissions with their default roles */
    default List<PermissionDeclaration> permissions() {
        return List.of();
    }
}
