package dev.parley.host.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The layout on a phone-sized screen, and keyboard use, in a real browser. */
class LayoutAndAccessibilityTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    private static Object js(WebDriver d, String script) {
        return ((JavascriptExecutor) d).executeScript(script);
    }

    @Test
    void onAPhoneTheMenuFoldsIntoAButtonAndNothingScrollsSideways() {
        WebDriver phone = browser.newDriver("en", 390, 844);
        try {
            browser.login(phone, "cm@acme.test");
            for (String page : new String[] {"/dashboard", "/partners", "/inbox", "/messages", "/messages/compose", "/banners", "/banners/edit"}) {
                phone.get(browser.url(page));
                assertEquals(Boolean.TRUE, js(phone, "return document.documentElement.scrollWidth <= window.innerWidth"),
                        page + " is no wider than the phone");
            }
            phone.get(browser.url("/dashboard"));
            WebElement inbox = phone.findElement(By.xpath("//nav//a[contains(@class,'nav-link')][contains(., 'Inbox')]"));
            WebElement toggler = phone.findElement(By.cssSelector("nav .navbar-toggler"));
            assertFalse(inbox.isDisplayed(), "the tabs are folded away");
            assertTrue(toggler.isDisplayed());
            assertEquals("false", toggler.getAttribute("aria-expanded"));
            assertEquals("Menu", toggler.getAttribute("aria-label"));
            Browser.screenshot(phone, "20-phone-dashboard");

            toggler.click();
            new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> inbox.isDisplayed()
                    && "true".equals(toggler.getAttribute("aria-expanded")));
            Browser.screenshot(phone, "21-phone-menu-open");
            inbox.click();
            new WebDriverWait(phone, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/inbox"));
        } finally {
            phone.quit();
        }
    }

    @Test
    void theKeyboardReachesASkipLinkFirstAndFocusIsVisible() {
        WebDriver d = browser.newDriver("en");
        try {
            browser.login(d, "cm@acme.test");
            d.get(browser.url("/dashboard"));
            new Actions(d).sendKeys(Keys.TAB).perform();
            WebElement focused = d.switchTo().activeElement();
            assertEquals("Skip to content", focused.getText());
            assertTrue(focused.isDisplayed(), "the skip link shows while it has focus");
            String outline = focused.getCssValue("outline-style");
            assertEquals("solid", outline, "a visible focus ring");
            focused.sendKeys(Keys.ENTER);
            assertTrue(d.getCurrentUrl().endsWith("#main"), d.getCurrentUrl());
            assertEquals("main", d.switchTo().activeElement().getAttribute("id"), "focus moves to the content");
        } finally {
            d.quit();
        }
    }

    @Test
    void inChineseTheHeaderAndItsControlsAreLabelledInChinese() {
        WebDriver d = browser.newDriver("zh-CN", 390, 844);
        try {
            browser.login(d, "cm@acme.test");
            assertEquals("菜单", d.findElement(By.cssSelector("nav .navbar-toggler")).getAttribute("aria-label"));
            assertEquals("主导航", d.findElement(By.cssSelector("nav.navbar")).getAttribute("aria-label"));
            Browser.screenshot(d, "22-phone-dashboard-zh-CN");
        } finally {
            d.quit();
        }
    }
}
