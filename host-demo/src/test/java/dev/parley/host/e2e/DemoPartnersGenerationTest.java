package dev.parley.host.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Settings → "Generate demo partners": a background job followed by a live progress bar. */
class DemoPartnersGenerationTest {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    private static long partners(WebDriver d) {
        d.get(browser.url("/dashboard"));
        String card = d.findElement(By.xpath("//div[contains(@class,'card-body')][.//*[normalize-space()='Partners']]")).getText();
        return Long.parseLong(card.replaceAll("[^0-9]", ""));
    }

    @Test
    void anAdminGeneratesDemoPartnersAndWatchesTheProgressBar() {
        WebDriver owner = browser.newDriver("en");
        try {
            browser.login(owner, "owner@acme.test");
            long before = partners(owner);
            owner.get(browser.url("/settings"));
            WebElement count = owner.findElement(By.id("demo-count"));
            count.clear();
            count.sendKeys("0");
            owner.findElement(By.xpath("//button[normalize-space()='Generate demo partners']")).click();
            WebDriverWait wait = new WebDriverWait(owner, Duration.ofSeconds(120));
            wait.ignoring(StaleElementReferenceException.class);
            // the browser itself refuses 0 (the field carries min="1"), so nothing starts
            assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) owner).executeScript(
                    "return document.getElementById('demo-count').validity.rangeUnderflow"));
            assertTrue(owner.findElements(By.id("demo-progress")).isEmpty(), "nothing started for 0 partners");

            count = owner.findElement(By.id("demo-count"));
            count.clear();
            count.sendKeys("1500");
            owner.findElement(By.xpath("//button[normalize-space()='Generate demo partners']")).click();
            wait.until(d -> d.getPageSource().contains("Generating demo partners…"));
            WebElement bar = owner.findElement(By.id("demo-progress"));
            assertTrue(bar.isDisplayed());
            Browser.screenshot(owner, "23-demo-partners-progress");
            // the bar follows the job until it reports the end
            wait.until(d -> d.findElement(By.cssSelector("label[for=demo-progress]")).getText()
                    .equals("1,500 demo partners added."));
            assertEquals("100", owner.findElement(By.id("demo-progress")).getAttribute("value"));
            Browser.screenshot(owner, "24-demo-partners-done");

            assertEquals(before + 1500, partners(owner));
        } finally {
            owner.quit();
        }
    }
}
