package dev.parley.banners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.PluginJarInspector;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The built plugin JAR can be dropped into a host's plugins folder and carries its private libraries. */
class PackagedPluginJarIT {

    private static Path jar() {
        return Path.of(System.getProperty("parley.plugin.jar"));
    }

    @Test
    void jarIsInstallable() throws Exception {
        List<String> problems = PluginJarInspector.problems(jar());
        assertEquals(List.of(), problems);
    }

    @Test
    void jarHoldsMigrationsMapperXmlWebResourcesAndPrivateLibraries() throws Exception {
        try (JarFile file = new JarFile(jar().toFile())) {
            for (String entry : List.of("dev/parley/banners/db/V1__banners.sql", "dev/parley/banners/banner/BannerMapper.xml",
                    "dev/parley/banners/analytics/AnalyticsMapper.xml", "dev/parley/banners/display/banners.js",
                    "dev/parley/banners/display/banners.css", "dev/parley/banners/editor/BannerEditPage_zh_CN.properties",
                    "org/commonmark/parser/Parser.class", "org/owasp/html/HtmlPolicyBuilder.class",
                    "org/apache/tika/mime/tika-mimetypes.xml", "org/apache/ibatis/session/Configuration.class")) {
                assertNotNull(file.getJarEntry(entry), entry);
            }
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("org/apache/commons/io/")),
                    "commons-io comes from the host");
        }
    }
}
