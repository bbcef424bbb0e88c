package dev.parley.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The host's settings. Each key (e.g. {@code db.url}) is read, first match wins, from: a command-line
 * argument {@code --db.url=...}, a system property {@code parley.db.url}, an environment variable
 * {@code PARLEY_DB_URL}, the file {@code parley.properties} in the working directory, the default.
 */
public final class HostConfig {

    private final Map<String, String> values;

    private HostConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Reads settings from arguments, system properties, environment and {@code parley.properties}. */
    public static HostConfig load(String[] args) {
        Map<String, String> v = new HashMap<>();
        Path file = Path.of("parley.properties");
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k)));
        }
        System.getenv().forEach((k, val) -> {
            if (k.startsWith("PARLEY_")) {
                v.put(k.substring(7).toLowerCase().replace('_', '.'), val);
            }
        });
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("parley."))
                .forEach(k -> v.put(k.substring(7), System.getProperty(k)));
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Arguments look like --key=value; got: " + arg);
            }
            int eq = arg.indexOf('=');
            v.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return new HostConfig(v);
    }

    /** @return settings from the given map only (tests) */
    public static HostConfig of(Map<String, String> values) {
        return new HostConfig(values);
    }

    /** @return a copy with one setting changed */
    public HostConfig with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, value);
        return new HostConfig(copy);
    }

    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public int getInt(String key, int fallback) {
        return get(key).map(s -> {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Setting " + key + " must be a number, got: " + s);
            }
        }).orElse(fallback);
    }

    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    public int httpPort() {
        return getInt("port", 8080);
    }

    public String bindAddress() {
        return get("bind", "127.0.0.1");
    }

    public Path dataDir() {
        return Path.of(get("data.dir", "parley-data")).toAbsolutePath();
    }

    public Path pluginsDir() {
        return Path.of(get("plugins.dir", "plugins")).toAbsolutePath();
    }

    public String publicBaseUrl() {
        return get("base.url", "http://" + bindAddress() + ":" + httpPort());
    }
}
