package dev.parley.banners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every English text of the plugin has a Simplified Chinese translation, and the other way round. */
class TranslationsTest {

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }

    @Test
    void everyBundleHasTheSameKeysInChinese() throws IOException {
        List<Path> english;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            english = files.filter(p -> p.toString().endsWith(".properties") && !p.toString().contains("_zh_CN")).toList();
        }
        assertTrue(english.size() >= 5, english.toString());
        for (Path en : english) {
            Path zh = en.resolveSibling(en.getFileName().toString().replace(".properties", "_zh_CN.properties"));
            assertTrue(Files.exists(zh), "missing " + zh);
            Properties e = load(en);
            Properties z = load(zh);
            assertEquals(new TreeSet<>(e.stringPropertyNames()), new TreeSet<>(z.stringPropertyNames()), en.toString());
            for (String key : z.stringPropertyNames()) {
                assertFalse(z.getProperty(key).isBlank(), zh + " " + key);
            }
        }
    }
}
