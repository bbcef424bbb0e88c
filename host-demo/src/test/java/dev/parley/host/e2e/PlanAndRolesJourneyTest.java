package dev.parley.host.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Journey 1 in a real browser: an Account Admin switches messaging and banners on for a plan; a
 * Community Manager of a program on that plan sees the tabs, an Analyst does not.
 */
class PlanAndRolesJourneyTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    private static List<String> tabs(WebDriver d) {
        return d.findElements(By.cssSelector("nav .nav-link")).stream().map(WebElement::getText)
                .map(t -> t.replaceAll("\\s+\\d+$", "").strip()).toList();
    }

    @Test
    void anAdminEnablesPluginFeaturesForAPlanAndTheRightPeopleSeeThem() {
        WebDriver admin = browser.newDriver("en");
        WebDriver cm = browser.newDriver("en");
        WebDriver analyst = browser.newDriver("en");
        try {
            // Cedar Software is on the Partner plan: messaging yes, banners no (defaults).
            browser.login(cm, "cm@cedar.test");
            assertTrue(tabs(cm).contains("Inbox"), tabs(cm).toString());
            assertFalse(tabs(cm).contains("Banners"));

            browser.login(admin, "admin@parley.test");
            admin.get(browser.url("/settings/plans"));
            WebElement banners = admin.findElement(By.id("feature-banners-partner"));
            assertFalse(banners.isSelected());
            banners.click();
            Browser.screenshot(admin, "01-plan-matrix");
            admin.findElement(By.cssSelector("form[id] button[type=submit]")).click();
            Browser.waiting(admin).until(d -> d.getPageSource().contains("Saved."));
            assertTrue(admin.findElement(By.id("feature-banners-partner")).isSelected());

            cm.navigate().refresh();
            assertTrue(tabs(cm).contains("Banners"), tabs(cm).toString());
            Browser.screenshot(cm, "02-community-manager-sees-tabs");

            browser.login(analyst, "analyst@acme.test");
            assertFalse(tabs(analyst).contains("Inbox"));
            assertFalse(tabs(analyst).contains("Banners"));
            Browser.screenshot(analyst, "03-analyst-sees-no-plugin-tabs");
        } finally {
            admin.quit();
            cm.quit();
            analyst.quit();
        }
    }

    @Test
    void theInterfaceSpeaksChineseFromTheBrowserLanguage() {
        WebDriver d = browser.newDriver("zh-CN");
        try {
            browser.login(d, "cm@acme.test");
            String text = d.findElement(By.tagName("nav")).getText();
            assertTrue(text.contains("仪表板"), text);
            assertTrue(text.contains("收件箱"), text);
            Browser.screenshot(d, "04-dashboard-zh-CN");
        } finally {
            d.quit();
        }
    }
}
