package dev.parley.host.plan;

import java.io.Serializable;

/**
 * A feature known to the host: declared by a plugin, with the label resolved from the plugin.
 *
 * @param key feature key
 * @param pluginId the declaring plugin
 * @param label human name in the requested language
 * @param active whether the declaring plugin is running
 */
public record DeclaredFeature(String key, String pluginId, String label, boolean active) implements Serializable {
}
