package dev.parley.messaging.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.PluginJarInspector;
import dev.parley.api.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import java.util.jar.JarFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The built plugin JAR (after shading): its private Lucene finds its codecs through the merged
 * META-INF/services, and the plugin's index works when Lucene comes from the JAR alone.
 */
class ShadedJarIT {

    private static Path jar() {
        return Paths.get(System.getProperty("parley.plugin.jar"));
    }

    @Test
    void theJarIsInstallable() throws IOException {
        assertEquals(List.of(), PluginJarInspector.problems(jar()));
        try (JarFile j = new JarFile(jar().toFile())) {
            String codecs = new String(j.getInputStream(j.getEntry("META-INF/services/org.apache.lucene.codecs.Codec"))
                    .readAllBytes());
            assertTrue(codecs.contains("org.apache.lucene.codecs.lucene912.Lucene912Codec"), codecs);
            assertTrue(j.getEntry("org/apache/lucene/analysis/cjk/CJKBigramFilter.class") != null);
            assertTrue(j.getEntry("dev/parley/messaging/db/V100__search_changes.sql") != null);
            assertEquals("true", j.getManifest().getMainAttributes().getValue("Multi-Release"));
        }
    }

    @Test
    void theIndexWorksWithLuceneFromTheJarAlone() throws Exception {
        DataSource ds = TestDatabase.newDatabase("shaded");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                InputStream sql = ShadedJarIT.class.getResourceAsStream("/dev/parley/messaging/db/V100__search_changes.sql")) {
            String script = new String(sql.readAllBytes()).replaceAll("(?m)^--.*$", "");
            st.execute(script);
        }
        URL slf4j = org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
        try (ProbeLoader loader = new ProbeLoader(new URL[] {jar().toUri().toURL(), slf4j})) {
            @SuppressWarnings("unchecked")
            Function<DataSource, String> probe = (Function<DataSource, String>) loader
                    .loadClass(ShadedLuceneProbe.class.getName()).getDeclaredConstructor().newInstance();
            String result = probe.apply(ds);
            assertEquals("codec=Lucene912 loader=true docs=1 tokens=[病毒, 毒扫, 扫描] hits=1", result);
        }
    }

    /** Sees the plugin JAR (and SLF4J) only; defines the probe itself so it links against the JAR's classes. */
    private static final class ProbeLoader extends URLClassLoader {
        ProbeLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith(ShadedLuceneProbe.class.getName())) {
                String resource = "/" + name.replace('.', '/') + ".class";
                try (InputStream in = ShadedJarIT.class.getResourceAsStream(resource)) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException | NullPointerException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            return super.findClass(name);
        }
    }
}
