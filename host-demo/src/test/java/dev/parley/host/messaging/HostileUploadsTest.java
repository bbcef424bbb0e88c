package dev.parley.host.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.testing.TestClamd;
import dev.parley.host.testing.TestHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile uploads through the real host (plugin JAR, Wicket multipart form, a real clamd): each is
 * refused with a message that names the file and the reason, and nothing of the message is kept —
 * no conversation, no message, no attachment row, no file in the store or its staging area.
 */
class HostileUploadsTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF = java.util.Base64.getDecoder()
            .decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    private static TestHost host;
    private static long trail;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        Map<String, String> settings = new HashMap<>(TestHost.clamdSettings());
        settings.put("messaging.attachment.max.mb", "1");
        host = TestHost.start(dir -> { }, settings);
        trail = host.acmePartner("Trail Blazers");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** What a refused message could leave behind. */
    private record Stored(long conversations, long messages, long attachments, long searchChanges, List<String> files) {
    }

    private static Stored stored() throws Exception {
        // The change log is pruned on its own schedule: its newest id says whether anything was added.
        return new Stored(count("msg_conversation"), count("msg_message"), count("msg_attachment"),
                host.queryLong("SELECT COALESCE(MAX(change_id), 0) FROM msg_search_changes"),
                filesUnder(host.host().config().dataDir()));
    }

    private static List<String> filesUnder(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                // The search index, page store and database live there too and change on their own
                // schedule (Lucene deletes files while we walk): not attachment stores, not entered.
                String name = d.getFileName().toString();
                return d.equals(dir) || !(name.equals("search") || name.equals("pagestore") || name.contains("mariadb"))
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                if (a.isRegularFile()) {
                    files.add(dir.relativize(f).toString());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files.stream().sorted().toList();
    }

    /** A file whose name, as sent by the browser, is whatever the test says (path separators included). */
    private static org.apache.wicket.util.file.File upload(String sentName, byte[] content) {
        try {
            Path real = Files.write(Files.createTempFile(tmp, "up", ".bin"), content);
            return new org.apache.wicket.util.file.File(real.toFile()) {
                private static final long serialVersionUID = 1L;

                @Override
                public String getName() {
                    return sentName;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Composes a message to Trail Blazers with one file, through the real form; @return the page shown after. */
    private static String compose(String fileName, byte[] content, String claimedType) {
        WicketTester cm = host.loggedIn("cm@acme.test");
        cm.executeUrl("inbox/new?partner=" + trail);
        FormTester form = cm.newFormTester("compose");
        form.setValue("subject", "Files for you");
        form.setValue("body", "Please see the attached file.");
        form.setFile("files", upload(fileName, content), claimedType);
        form.submit();
        assertTrue(cm.getLastResponse().getStatus() < 500, "no server error");
        return cm.getLastResponseAsString();
    }

    private static void assertRefused(String fileName, byte[] content, String claimedType, String expectedText)
            throws Exception {
        Stored before = stored();
        String page = compose(fileName, content, claimedType);
        assertTrue(page.contains(expectedText), () -> "expected \"" + expectedText + "\" in\n" + page);
        assertTrue(page.contains("Nothing was sent") || page.contains("too large"), page);
        assertFalse(page.contains("Exception") || page.contains("at dev.parley"), "no stack trace shown");
        assertEquals(before, stored(), "nothing of the refused message is kept for " + fileName);
    }

    @Test
    void aWindowsExecutableRenamedPdfIsRefusedByItsContent() throws Exception {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        assertRefused("invoice.pdf", exe, "application/pdf", "“invoice.pdf” is not a CSV, PDF, JPEG, PNG or GIF file");
    }

    @Test
    void polyglotsAreRefused() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("Evil.class"));
            z.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        }
        ByteArrayOutputStream gifar = new ByteArrayOutputStream();
        gifar.writeBytes(GIF);
        gifar.writeBytes(zip.toByteArray());
        assertRefused("logo.gif", gifar.toByteArray(), "image/gif", "“logo.gif” is a GIF file that also holds an archive");
        byte[] pdfPage = ("%PDF-1.4\n<html><body><script>alert(document.cookie)</script>\n" + new String(PDF,
                StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        assertRefused("terms.pdf", pdfPage, "application/pdf", "“terms.pdf” is a PDF file that also holds an archive or a web page");
    }

    @Test
    void anOverSizeFileIsRefused() throws Exception {
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertRefused("catalogue.pdf", big, "application/pdf", "“catalogue.pdf” is larger than 1 MB");
    }

    @Test
    void anUploadBeyondTheFormLimitIsRefusedBeforeItIsRead() throws Exception {
        byte[] huge = new byte[12 * 1024 * 1024];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        Stored before = stored();
        String page = compose("huge.pdf", huge, "application/pdf");
        assertFalse(page.contains("Exception"), page);
        assertTrue(page.contains("too large") || page.contains("larger than"), page);
        assertEquals(before, stored());
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertRefused("empty.pdf", new byte[0], "application/pdf", "“empty.pdf” is empty");
    }

    @Test
    void theEicarTestFileIsRefusedByTheVirusScanner() throws Exception {
        ByteArrayOutputStream infected = new ByteArrayOutputStream();
        infected.writeBytes(PDF);
        infected.writeBytes(TestClamd.EICAR.getBytes(StandardCharsets.US_ASCII));
        assertRefused("cv.pdf", infected.toByteArray(), "application/pdf", "“cv.pdf” was refused: the virus scanner found");
        assertRefused("eicar.csv", TestClamd.EICAR.getBytes(StandardCharsets.US_ASCII), "text/csv",
                "“eicar.csv” was refused: the virus scanner found");
    }

    /** Names with a folder path, as old browsers and crafted requests send them. */
    private static final List<String> PATH_NAMES = List.of("../../etc/passwd.pdf", "a/b.pdf", "..\\..\\x.png",
            "C:\\temp\\x.csv");

    private static String pathRefusal(String name) {
        return "“" + name + "” was refused: a file name must not contain a folder path (/ or \\ or ..). "
                + "Rename the file and attach it again. Nothing was sent.";
    }

    /** Fills one upload form (subject if it has one, text, the file) and sends it; @return the page shown after. */
    private static String submit(WicketTester t, String url, String formId, String fileName) {
        t.executeUrl(url);
        FormTester form = t.newFormTester(formId);
        if (t.getLastRenderedPage().get(formId + ":subject") != null) {
            form.setValue("subject", "Files for you");
        }
        form.setValue("body", "Please see the attached file.");
        form.setFile("files", upload(fileName, PDF), "application/pdf");
        form.submit();
        assertTrue(t.getLastResponse().getStatus() < 500, "no server error");
        return t.getLastResponseAsString();
    }

    @Test
    void aFileNamedWithAFolderPathIsRefusedOnEveryUploadFormAndNothingIsStored() throws Exception {
        long conversation = startedConversation();
        WicketTester cm = host.loggedIn("cm@acme.test");
        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        Path outside = host.host().config().dataDir().getParent();
        for (String name : PATH_NAMES) {
            Stored before = stored();
            List<String> pages = List.of(
                    submit(cm, "inbox/new?partner=" + trail, "compose", name),
                    submit(cm, "inbox/conversation/" + conversation, "reply", name),
                    submit(maya, "portal/messages/new", "compose", name),
                    submit(maya, "portal/conversation/" + conversation, "reply", name));
            for (String page : pages) {
                assertTrue(page.contains(escaped(pathRefusal(name))), () -> "expected the refusal of " + name + " in\n" + page);
                assertFalse(page.contains("Your message was sent."), page);
                assertFalse(page.contains("Exception") || page.contains("at dev.parley"), "no stack trace shown");
            }
            assertEquals(before, stored(), "nothing of the refused messages is kept for " + name);
            assertFalse(Files.exists(outside.resolve("passwd.pdf")) || Files.exists(outside.resolve("x.png")));
        }
    }

    @Test
    void theRefusalIsWrittenInTheViewersLanguage() throws Exception {
        long conversation = startedConversation();
        WicketTester maya = host.loggedIn("maya@trailblazers.test");
        maya.getSession().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        Stored before = stored();
        String page = submit(maya, "portal/conversation/" + conversation, "reply", "a/b.pdf");
        assertTrue(page.contains(escaped("“a/b.pdf”已被拒绝：文件名不能包含文件夹路径（/、\\ 或 ..）。请重命名文件后重新添加。消息未发送。")),
                page);
        assertEquals(before, stored());
    }

    @Test
    void aBannerImageNamedWithAFolderPathIsRefusedAndNothingIsStored() throws Exception {
        WicketTester owner = host.loggedIn("owner@acme.test");
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        for (String name : PATH_NAMES) {
            long[] before = {count("bnr_image"), count("bnr_banner")};
            owner.executeUrl("banners/edit");
            FormTester form = owner.newFormTester("form");
            form.setValue("internalName", "Path image");
            form.setValue("headline", "Look");
            form.setFile("image", upload(name.replace(".pdf", ".png").replace(".csv", ".png"), png), "image/png");
            form.submit("publish");
            String page = owner.getLastResponseAsString();
            String shown = name.replace(".pdf", ".png").replace(".csv", ".png");
            assertTrue(page.contains(escaped("“" + shown + "” was refused: a file name must not contain a folder path")),
                    page);
            assertFalse(page.contains("Exception"), page);
            assertEquals(before[0], count("bnr_image"), "no image stored for " + name);
            assertEquals(before[1], count("bnr_banner"), "no banner stored for " + name);
        }
    }

    /** A plain name still goes through, so the refusals above are about the name alone. */
    @Test
    void theSameFileUnderAPlainNameIsSent() throws Exception {
        Stored before = stored();
        String page = compose("passwd.pdf", PDF, "application/pdf");
        assertTrue(page.contains("Your message was sent."), page);
        assertEquals(before.attachments() + 1, stored().attachments());
    }

    /** A conversation of Trail Blazers' whole team, started by the brand: @return its id. */
    private static long startedConversation() {
        String page = compose("start.pdf", PDF, "application/pdf");
        assertTrue(page.contains("Your message was sent."), page);
        try (Connection c = host.host().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(id) FROM msg_conversation")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String table) {
        return host.queryLong("SELECT COUNT(*) FROM " + table);
    }

    /** As Wicket writes text into a page. */
    private static String escaped(String text) {
        return org.apache.wicket.util.string.Strings.escapeMarkup(text).toString();
    }
}
