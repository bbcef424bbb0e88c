package dev.parley.api.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checks that a built plugin JAR can be dropped into a host's plugins folder: PF4J descriptor in the
 * manifest, a non-empty extension index, and none of the libraries the host provides inside (a
 * bundled copy breaks class loading; see shared notes on PF4J and Wicket).
 */
public final class PluginJarInspector {

    /** Packages the host provides; a plugin JAR must not contain them. */
    public static final List<String> HOST_PACKAGES = List.of("org/apache/wicket/", "org/pf4j/", "org/slf4j/",
            "jakarta/servlet/", "dev/parley/api/");

    private PluginJarInspector() {
    }

    /** @return the problems found; empty when the JAR is installable */
    public static List<String> problems(Path jar) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(jar)) {
            problems.add("No plugin JAR at " + jar);
            return problems;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest() == null ? new Attributes() : file.getManifest().getMainAttributes();
            for (String key : List.of("Plugin-Id", "Plugin-Class", "Plugin-Version", "Plugin-Requires")) {
                if (main.getValue(key) == null || main.getValue(key).isBlank()) {
                    problems.add("Manifest lacks " + key);
                }
            }
            JarEntry index = file.getJarEntry("META-INF/extensions.idx");
            if (index == null) {
                problems.add("No extension index META-INF/extensions.idx");
            } else {
                try (InputStream in = file.getInputStream(index)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (text.lines().noneMatch(l -> !l.isBlank() && !l.startsWith("#"))) {
                        problems.add("The extension index is empty");
                    }
                }
            }
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                for (String hostPackage : HOST_PACKAGES) {
                    if (name.startsWith(hostPackage) || name.contains("/" + hostPackage)) {
                        problems.add("Bundles a host library: " + name);
                        break;
                    }
                }
                if (problems.size() > 20) {
                    return problems;
                }
            }
        }
        return problems;
    }
}
