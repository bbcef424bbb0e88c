package dev.parley.host.e2e;

import static dev.parley.host.e2e.Browser.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Journeys 2 to 4 in a real browser, one after the other on the same host:
 * <ol start="2">
 * <li>a Community Manager sends a bulk message to a filtered audience with {@code {partner_name}},
 * watches the progress bar and finds the message under Sent;</li>
 * <li>a partner member sees the dashboard notice and an active banner, reads the message
 * (personalised) and replies; the open and the reply show in the manager's analytics;</li>
 * <li>in the shared inbox one teammate marks the reply unread and another sees it unread.</li>
 * </ol>
 * Every step goes through the pages only; screenshots land in target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkMessageJourneyTest {

    private static final String SUBJECT = "Winter jackets are back";
    private static final String BODY = "Hello {partner_name}, the winter jackets are back in stock.";
    private static final String PERSONALISED = "Hello Trail Blazers Media, the winter jackets are back in stock.";
    private static final String PARTNER = "Trail Blazers Media";
    private static final String REPLY = "Great news, we will feature them this weekend.";

    @RegisterExtension
    static final Browser browser = Browser.perClass();
    /** The bulk message sent in journey 2, read and answered in journey 3. */
    private static String bulkPath;

    private static WebElement button(WebDriver d, String text) {
        return d.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    private static WebElement link(WebDriver d, String text) {
        return d.findElement(By.xpath("//a[normalize-space()='" + text + "']"));
    }

    /** Clicks a link or a button that loads a new page and waits until the new page has loaded. */
    private static void submitAndWait(WebDriver d, WebElement control) {
        JavascriptExecutor js = (JavascriptExecutor) d;
        js.executeScript("window.parleyOldPage = true");
        // Bootstrap scrolls smoothly; an instant scroll keeps the control where the click lands
        js.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", control);
        control.click();
        waiting(d).until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript(
                "return window.parleyOldPage === undefined && document.readyState === 'complete'")));
    }

    private static String text(WebDriver d, By by) {
        return d.findElement(by).getText();
    }

    @Test
    @Order(2)
    void aManagerSendsAFilteredPersonalisedBulkMessageAndWatchesItsProgress() {
        WebDriver cm = browser.newDriver("en");
        try {
            browser.login(cm, "cm@acme.test");
            cm.get(browser.url("/messages/compose"));
            cm.findElement(By.id("c-subject")).sendKeys(SUBJECT);
            cm.findElement(By.id("c-body")).sendKeys(BODY);
            // the draft is saved as one types
            waiting(cm).until(d -> text(d, By.cssSelector("small[aria-live=polite]")).startsWith("Draft saved at"));

            // Filtered partners: the VIP tag (Trail Blazers Media is a VIP partner of Acme)
            cm.findElement(By.xpath("//label[normalize-space()='Filtered partners']")).click();
            waiting(cm).until(ExpectedConditions.visibilityOfElementLocated(By.id("c-tag")));
            new Select(cm.findElement(By.id("c-tag"))).selectByVisibleText("VIP");
            submitAndWait(cm, button(cm, "Add as a new group (OR)"));
            assertTrue(text(cm, By.tagName("form")).contains("VIP"), "the rule is listed in its group");
            submitAndWait(cm, button(cm, "Apply"));
            String count = text(cm, By.xpath("//p[contains(., 'will receive the message')]"));
            Matcher receiving = Pattern.compile("(\\d+) will receive").matcher(count);
            assertTrue(receiving.find(), count);
            int recipients = Integer.parseInt(receiving.group(1));
            assertTrue(recipients >= 1, count);

            // the review list finds the partner, and the preview is personalised for them
            cm.findElement(By.id("c-rsearch")).sendKeys("Trail");
            submitAndWait(cm, cm.findElement(By.xpath("//input[@id='c-rsearch']/following-sibling::button")));
            WebElement row = cm.findElement(By.xpath("//tr[contains(., '" + PARTNER + "')]"));
            assertTrue(row.getText().contains("Receives the message"), row.getText());
            submitAndWait(cm, row.findElement(By.xpath(".//button[normalize-space()='Preview as']")));
            waiting(cm).until(d -> text(d, By.cssSelector("section.card.position-sticky")).contains(PERSONALISED));
            Browser.screenshot(cm, "05-compose-filtered-personalised");

            submitAndWait(cm, button(cm, "Send now"));
            assertTrue(cm.getCurrentUrl().matches(".*/messages/bulk/\\d+.*"), cm.getCurrentUrl());
            bulkPath = cm.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("[?#].*$", "");
            Browser.waiting(cm).until(d -> d.getPageSource().contains("Sending has started."));
            WebElement bar = cm.findElement(By.id("send-progress"));
            assertNotNull(bar.getAttribute("value"));
            Browser.screenshot(cm, "06-bulk-progress");
            // the progress section refreshes itself until every copy is delivered
            waiting(cm).until(d -> text(d, By.cssSelector("section[aria-live=polite] .badge")).equals("Sent"));
            assertEquals("100", cm.findElement(By.id("send-progress")).getAttribute("value"));
            assertEquals(recipients + " of " + recipients + " delivered", text(cm, By.cssSelector("label[for=send-progress]")));
            Browser.screenshot(cm, "07-bulk-sent");

            link(cm, "Bulk messages").click();
            waiting(cm).until(d -> d.getCurrentUrl().contains("/messages") && !d.getCurrentUrl().contains("/bulk/"));
            link(cm, "Sent").click();
            WebElement sent = cm.findElement(By.xpath("//tr[.//a[normalize-space()='" + SUBJECT + "']]"));
            assertTrue(sent.getText().contains("Sent"), sent.getText());
            assertTrue(sent.getText().contains("Carlos Manager"), sent.getText());
            assertTrue(sent.getText().contains("Nov 2, 2026"), "a date in the viewer's language and zone: " + sent.getText());
            Browser.screenshot(cm, "08-bulk-in-sent");
        } finally {
            cm.quit();
        }
    }

    @Test
    @Order(3)
    void aPartnerSeesTheNoticeAndABannerReadsThePersonalisedMessageAndReplies() {
        assertNotNull(bulkPath, "journey 2 sent the message");
        WebDriver cm = browser.newDriver("en");
        WebDriver maya = browser.newDriver("en");
        try {
            // the manager publishes a banner for every partner
            browser.login(cm, "cm@acme.test");
            cm.get(browser.url("/banners/edit"));
            cm.findElement(By.id("internalName")).sendKeys("Winter launch");
            cm.findElement(By.id("headline")).sendKeys("Winter launch week");
            cm.findElement(By.id("body")).sendKeys("{partner_name}, the **winter** offers pay double this week.");
            submitAndWait(cm, button(cm, "Publish"));
            Browser.waiting(cm).until(d -> d.getPageSource().contains("The banner was published."));

            browser.login(maya, "maya@trailblazers.test");
            switchToProgram(maya, "Acme Outdoor");
            maya.get(browser.url("/portal"));
            WebElement notice = maya.findElement(By.xpath("//div[contains(@class,'alert')][.//a[normalize-space()='Read']]"));
            WebElement banner = maya.findElement(By.cssSelector("section.bnr-carousel"));
            assertTrue(banner.getText().contains("Winter launch week"), banner.getText());
            assertTrue(banner.getText().contains("Trail Blazers Media, the winter offers pay double this week."),
                    banner.getText());
            assertEquals("carousel", banner.getAttribute("aria-roledescription"));
            Browser.screenshot(maya, "09-partner-dashboard-notice-and-banner");
            // amounts in the reader's locale: grouped thousands, two decimals
            String revenue = text(maya, By.xpath("//div[normalize-space()='Revenue last month']/following-sibling::div[1]"));
            assertTrue(revenue.matches("\\d{1,3}(,\\d{3})*\\.\\d{2}") && revenue.length() > 6, revenue);

            submitAndWait(maya, notice.findElement(By.linkText("Read")));
            WebElement announcement = maya.findElement(By.xpath("//div[contains(@class,'list-group-item')][.//a[normalize-space()='"
                    + SUBJECT + "']]"));
            assertTrue(announcement.getText().contains("New"), announcement.getText());
            submitAndWait(maya, announcement.findElement(By.tagName("a")));
            assertEquals(SUBJECT, text(maya, By.cssSelector("article h1")));
            assertTrue(text(maya, By.cssSelector("article .card-body")).contains(PERSONALISED));
            Browser.screenshot(maya, "10-partner-reads-personalised-message");
            maya.findElement(By.id("a-reply")).sendKeys(REPLY);
            submitAndWait(maya, button(maya, "Send reply"));
            Browser.waiting(maya).until(d -> d.getPageSource().contains("Your reply was sent."));
            assertTrue(maya.getPageSource().contains(REPLY));
            Browser.screenshot(maya, "11-partner-reply-sent");

            // the manager's analytics count the open and the reply
            cm.get(browser.url(bulkPath));
            assertEquals("1", text(cm, By.xpath("//dt[normalize-space()='Opens']/following-sibling::dd[1]")));
            assertEquals("1", text(cm, By.xpath("//dt[normalize-space()='Replies']/following-sibling::dd[1]")));
            WebElement replied = cm.findElement(By.xpath("//section[.//h2[normalize-space()='Partners who replied']]"));
            assertTrue(replied.getText().contains(PARTNER), replied.getText());
            assertFalse(cm.findElements(By.xpath("//p[normalize-space()='No opens yet.']")).stream()
                    .anyMatch(WebElement::isDisplayed), "the opens chart has data");
            assertDrawn(cm);
            Browser.screenshot(cm, "12-manager-analytics-open-and-reply");

            // the banner's reach: Maya's company reached, drawn as a chart beside the table
            cm.get(browser.url("/banners"));
            submitAndWait(cm, cm.findElement(By.xpath("//tr[contains(., 'Winter launch')]//a[normalize-space()='Analytics']")));
            assertEquals("1", text(cm, By.xpath("//dt[normalize-space()='Partners reached']/following-sibling::dd[1]")));
            assertDrawn(cm);
            Browser.screenshot(cm, "12b-banner-reach-chart");
        } finally {
            cm.quit();
            maya.quit();
        }
    }

    @Test
    @Order(4)
    void aTeammateMarksTheReplyUnreadAndAnotherTeammateSeesItUnread() {
        assertNotNull(bulkPath, "journey 3 left a reply in the inbox");
        WebDriver carlos = browser.newDriver("en");
        WebDriver chloe = browser.newDriver("en");
        try {
            browser.login(carlos, "cm@acme.test");
            browser.login(chloe, "cm2@acme.test");
            carlos.get(browser.url("/inbox"));
            WebElement conversation = replyRow(carlos);
            submitAndWait(carlos, conversation.findElement(By.cssSelector("a.stretched-link")));
            assertTrue(carlos.getPageSource().contains(REPLY));

            // opening it read it for the whole team
            chloe.get(browser.url("/inbox"));
            assertTrue(replyRow(chloe).findElements(By.xpath(".//span[normalize-space()='Unread']")).isEmpty(),
                    "read once Carlos opened it");

            submitAndWait(carlos, link(carlos, "Mark as unread"));
            Browser.screenshot(carlos, "13-inbox-marked-unread");

            chloe.navigate().refresh();
            WebElement row = replyRow(chloe);
            assertFalse(row.findElements(By.xpath(".//span[normalize-space()='Unread']")).isEmpty(), row.getText());
            String inboxTab = text(chloe, By.xpath("//nav//a[contains(., 'Inbox')]"));
            assertTrue(inboxTab.matches("(?s)Inbox\\s+[1-9]\\d*"), "unread badge on the tab: " + inboxTab);
            String spoken = chloe.findElement(By.xpath("//nav//a[contains(., 'Inbox')]")).getAttribute("aria-label");
            assertTrue(spoken.matches("Inbox, [1-9]\\d* unread"), "what a screen reader announces: " + spoken);
            Browser.screenshot(chloe, "14-teammate-sees-unread");
        } finally {
            carlos.quit();
            chloe.quit();
        }
    }

    /** The page's chart was drawn by Chart.js (its script loaded under the CSP and found the data). */
    private static void assertDrawn(WebDriver d) {
        WebElement chart = d.findElement(By.cssSelector("canvas[data-parley-chart]"));
        waiting(d).until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript(
                "return window.Chart !== undefined && Chart.getChart(arguments[0]) !== undefined", chart)));
        ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", chart);
    }

    private static WebElement replyRow(WebDriver d) {
        List<WebElement> rows = d.findElements(By.xpath("//div[contains(@class,'list-group-item')][contains(., '"
                + PARTNER + "')][contains(., '" + SUBJECT + "')]"));
        assertEquals(1, rows.size(), "one conversation for the reply");
        return rows.get(0);
    }

    private static void switchToProgram(WebDriver d, String program) {
        if (!text(d, By.cssSelector(".navbar-brand")).contains(program)) {
            submitAndWait(d, d.findElement(By.xpath("//a[contains(., 'Switch to')][contains(., '" + program + "')]")));
        }
        assertTrue(text(d, By.cssSelector(".navbar-brand")).contains(program));
    }
}
