package dev.parley.host.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.host.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wicket finds plugin classes by name through the resolver: host classes from the host, plugin
 * classes from their plugin, and after a plugin is loaded again, from its new class loader (never a
 * class remembered from the unloaded one).
 */
class PluginClassResolverTest {

    private static final String INBOX_PAGE = "dev.parley.messaging.inbox.InboxPage";

    @TempDir
    Path plugins;

    @Test
    void pluginClassesResolveFromTheirPluginAlsoAfterThePluginIsLoadedAgain() throws Exception {
        TestHost.copyBuiltPlugins(plugins);
        HostPluginManager manager = new HostPluginManager(plugins);
        manager.loadPlugins();
        PluginClassResolver resolver = new PluginClassResolver(manager);

        assertSame(String.class, resolver.resolveClass("java.lang.String"));
        assertSame(PluginClassResolver.class, resolver.resolveClass(PluginClassResolver.class.getName()));
        Class<?> inbox = resolver.resolveClass(INBOX_PAGE);
        assertSame(manager.getPlugin("parley-messaging").getPluginClassLoader(), inbox.getClassLoader());
        assertSame(inbox, resolver.resolveClass(INBOX_PAGE), "the same class on every lookup");
        assertThrows(ClassNotFoundException.class, () -> resolver.resolveClass("dev.parley.NoSuchPage"));

        Path jar = manager.getPlugin("parley-messaging").getPluginPath();
        manager.unloadPlugin("parley-messaging");
        assertThrows(ClassNotFoundException.class, () -> resolver.resolveClass(INBOX_PAGE),
                "an unloaded plugin's class is not answered from memory");

        assertEquals("parley-messaging", manager.loadPlugin(jar));
        Class<?> reloaded = resolver.resolveClass(INBOX_PAGE);
        assertNotSame(inbox, reloaded);
        assertSame(manager.getPlugin("parley-messaging").getPluginClassLoader(), reloaded.getClassLoader());
        manager.unloadPlugins();
        assertEquals(true, Files.exists(jar));
    }
}
