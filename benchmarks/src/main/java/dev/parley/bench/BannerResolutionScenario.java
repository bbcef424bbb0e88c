package dev.parley.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Banner resolution for one partner with 1,000 banners: the banners plugin's in-memory index
 * (loaded from the plugin JAR, as the host would) against a HashMap lookup in the same run.
 */
final class BannerResolutionScenario {

    private BannerResolutionScenario() {
    }

    @SuppressWarnings("unchecked")
    static List<Result> run(Path plugins, int banners, int partners, int runs) throws Exception {
        Path jar = plugins.resolve("banners-plugin.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No banners plugin JAR at " + jar);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                BannerResolutionScenario.class.getClassLoader())) {
            Class<?> probe = Class.forName("dev.parley.banners.index.BannerIndexProbe", true, loader);
            Map<String, Double> m = (Map<String, Double>) probe.getMethod("measure", int.class, int.class, int.class)
                    .invoke(null, banners, partners, runs);
            double p99 = m.get("index.p99");
            return List.of(
                    new Result("banner resolution", banners + " banners, " + partners + " partners", "p99 us", p99,
                            m.get("map.p99"), p99 / m.get("map.p99"), "p99 < 100 us", p99 < 100,
                            String.format("p50 %.2f vs %.2f us; %.0f vs %.0f ops/s; index built in %.0f ms; %.1f banners per partner",
                                    m.get("index.p50"), m.get("map.p50"), m.get("index.ops"), m.get("map.ops"),
                                    m.get("build.ms"), m.get("avg.banners"))));
        }
    }
}
