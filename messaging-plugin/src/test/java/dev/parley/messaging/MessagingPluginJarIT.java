package dev.parley.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.parley.api.testing.PluginJarInspector;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The built JAR can be dropped into a host's plugins folder: descriptor, index, private libraries only. */
class MessagingPluginJarIT {

    @Test
    void theJarIsInstallable() throws Exception {
        Path jar = Path.of(System.getProperty("parley.plugin.jar"));
        assertEquals(List.of(), PluginJarInspector.problems(jar));
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String entry : List.of("dev/parley/messaging/db/V1__conversations.sql",
                    "dev/parley/messaging/inbox/InboxMapper.xml", "dev/parley/messaging/wicket-package_zh_CN.properties",
                    "org/apache/ibatis/session/SqlSession.class", "jakarta/mail/Store.class",
                    "META-INF/javamail.default.providers")) {
                assertNotNull(file.getJarEntry(entry), entry);
            }
        }
    }
}
