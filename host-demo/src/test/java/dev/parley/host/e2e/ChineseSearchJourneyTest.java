package dev.parley.host.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Journey 5 in a real browser: two partners write to Acme in Chinese about commissions; a Community
 * Manager with a Chinese browser searches "双倍佣金" (double commission) and finds exactly the message
 * that says it, with the words highlighted — not the one that only mentions 佣金 (commission).
 */
class ChineseSearchJourneyTest {

    private static final String RIGHT_SUBJECT = "推广活动合作";
    private static final String RIGHT_BODY = "你好，我们想在冬季推广活动期间申请双倍佣金，请告诉我们条件。";
    private static final String OTHER_SUBJECT = "结算问题";
    private static final String OTHER_BODY = "请问本月的佣金什么时候结算？";

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @Test
    void anAdminRebuildsTheIndexAndFollowsItsProgress() {
        WebDriver owner = browser.newDriver("en");
        try {
            // the index belongs to the host instance: the platform admin rebuilds it
            browser.login(owner, "admin@parley.test");
            owner.get(browser.url("/inbox/search/index"));
            owner.findElement(By.xpath("//button[normalize-space()='Rebuild from the database']")).click();
            WebDriverWait wait = new WebDriverWait(owner, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class);
            // the click submits a form: wait for the answer page before reading it
            wait.until(d -> d.getPageSource().contains("The rebuild has started."));
            assertTrue(owner.getPageSource().contains("The rebuild has started."));
            // the status refreshes itself until the rebuild is over
            wait.until(d -> d.findElement(By.xpath("//dt[normalize-space()='State']/following-sibling::dd[1]"))
                    .getText().startsWith("Ready"));
            assertEquals("100", owner.findElement(By.cssSelector("progress")).getAttribute("value"));
            Browser.screenshot(owner, "17-search-index-rebuilt");
        } finally {
            owner.quit();
        }
    }

    private static void write(WebDriver partner, String subject, String body) {
        partner.get(browser.url("/portal/messages/new"));
        partner.findElement(By.id("compose-subject")).sendKeys(subject);
        partner.findElement(By.id("compose-body")).sendKeys(body);
        WebElement send = partner.findElement(By.cssSelector("form button[type=submit]"));
        send.click();
        new WebDriverWait(partner, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/messages/new"));
        assertTrue(partner.getPageSource().contains(body), "the message is in the partner's thread");
    }

    @Test
    void aChineseSearchFindsTheRightMessageAndHighlightsIt() {
        WebDriver maya = browser.newDriver("zh-CN");
        WebDriver leo = browser.newDriver("zh-CN");
        WebDriver cm = browser.newDriver("zh-CN");
        try {
            browser.login(maya, "maya@trailblazers.test");
            if (!maya.findElement(By.cssSelector(".navbar-brand")).getText().contains("Acme Outdoor")) {
                maya.findElement(By.xpath("//a[contains(., 'Acme Outdoor')]")).click();
                new WebDriverWait(maya, Duration.ofSeconds(10)).until(
                        d -> d.findElement(By.cssSelector(".navbar-brand")).getText().contains("Acme Outdoor"));
            }
            write(maya, RIGHT_SUBJECT, RIGHT_BODY);
            browser.login(leo, "leo@summitdeals.test");
            write(leo, OTHER_SUBJECT, OTHER_BODY);

            browser.login(cm, "cm@acme.test");
            cm.get(browser.url("/inbox/search"));
            assertEquals("搜索消息", cm.findElement(By.tagName("h1")).getText());
            // the index takes in new messages in the background: search again until they are in
            WebDriverWait wait = new WebDriverWait(cm, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class);
            wait.until(d -> {
                WebElement q = d.findElement(By.id("parley-search-q"));
                q.clear();
                q.sendKeys("双倍佣金");
                d.findElement(By.xpath("//button[normalize-space()='搜索']")).click();
                return !d.findElements(By.cssSelector("ol.parley-search-hits > li")).isEmpty();
            });
            List<WebElement> hits = cm.findElements(By.cssSelector("ol.parley-search-hits > li"));
            assertEquals(1, hits.size(), "only the message asking for double commission");
            WebElement hit = hits.get(0);
            assertTrue(hit.getText().contains(RIGHT_SUBJECT), hit.getText());
            assertTrue(hit.getText().contains("Trail Blazers Media"), hit.getText());
            assertFalse(hit.getText().contains(OTHER_SUBJECT));
            String marked = String.join("", hit.findElements(By.cssSelector(".parley-snippet mark")).stream()
                    .map(WebElement::getText).toList());
            assertEquals("双倍佣金", marked, "the searched words are highlighted, nothing else");
            assertFalse(cm.findElements(By.xpath("//p[contains(., '1 条消息')]")).isEmpty(), "a Chinese summary");
            Browser.screenshot(cm, "15-search-in-chinese-highlighted");

            hit.findElement(By.cssSelector("a")).click();
            new WebDriverWait(cm, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/inbox/conversation/"));
            assertTrue(cm.getPageSource().contains(RIGHT_BODY), "the hit opens the conversation");
            Browser.screenshot(cm, "16-search-hit-opens-conversation");
        } finally {
            maya.quit();
            leo.quit();
            cm.quit();
        }
    }
}
