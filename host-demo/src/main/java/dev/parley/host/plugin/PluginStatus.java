package dev.parley.host.plugin;

import java.io.Serializable;

/**
 * What the admin page shows about one plugin file.
 *
 * @param id plugin id, or the file name when the file could not be read as a plugin
 * @param version plugin version, or empty
 * @param state STARTED, STOPPED, DISABLED, FAILED, REFUSED (API mismatch) or BROKEN (not loadable)
 * @param requires the plugin's Plugin-Requires expression
 * @param description the plugin's description
 * @param reason why it is not running, for a person to read; empty when running
 * @param canToggle whether enable/disable makes sense
 */
public record PluginStatus(String id, String version, String state, String requires, String description,
        String reason, boolean canToggle) implements Serializable {
}
