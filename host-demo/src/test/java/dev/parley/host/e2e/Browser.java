package dev.parley.host.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.host.testing.TestHost;
import dev.parley.host.web.HostApplication;
import dev.parley.host.web.JettyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real host on Jetty and a headless Debian chromium driving it. Screenshots of each step go
 * to target/screenshots. Without chromium and chromedriver installed the browser tests are skipped
 * with a message (CI installs them; see .ci/run).
 */
final class Browser implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    private TestHost host;
    private JettyServer server;
    private String base;

    private Browser() {
    }

    /**
     * The host for one test class, started before its first test and stopped after its last:
     * {@code @RegisterExtension static final Browser browser = Browser.perClass();}
     */
    static Browser perClass() {
        return new Browser();
    }

    /** @return a host started now; the caller closes it */
    static Browser start() throws Exception {
        Browser b = new Browser();
        b.open();
        return b;
    }

    private void open() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: install chromium and chromium-driver (apt-get install -y chromium chromium-driver fonts-wqy-zenhei)");
        host = TestHost.start();
        server = JettyServer.start(new HostApplication(host.host()), "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    TestHost host() {
        return host;
    }

    String url(String path) {
        return base + path;
    }

    /** A fresh browser profile (its own cookies) in a desktop-sized window. */
    WebDriver newDriver(String language) {
        return newDriver(language, 1280, 900);
    }

    /** A fresh browser profile (its own cookies) in a window of the given size (a phone: 390 × 844). */
    WebDriver newDriver(String language, int width, int height) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                    "--disable-quic", "--window-size=" + width + "," + height, "--lang=" + language,
                    "--user-data-dir=" + Files.createTempDirectory("parley-chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        if (width < 600) {
            // headless windows are at least 500 px wide: a phone's viewport comes from device emulation
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }

    void login(WebDriver driver, String email) {
        driver.get(url("/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys("demo1234");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Waits for AJAX updates and page loads; elements replaced by an AJAX update are looked up again. */
    static WebDriverWait waiting(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SHOTS);
            byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (host != null) {
                host.close();
            }
            server = null;
            host = null;
        }
    }
}
