package dev.parley.messaging.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.ConversationService;
import dev.parley.messaging.conversation.Message;
import dev.parley.messaging.testing.MessagingFixture;
import dev.parley.api.testing.TestClamd;
import dev.parley.messaging.testing.TestFiles;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attachments: allowed types by content, count and size limits, and a real ClamAV scan of every file. */
class AttachmentTest {

    private MessagingFixture f;
    private ConversationService conversations;
    private CurrentUser carlos;
    private Conversation thread;

    @BeforeEach
    void setUp() {
        f = new MessagingFixture("attachments");
        conversations = f.services.conversations();
        carlos = f.carlosUser();
        thread = conversations.start(carlos, f.trail.id(), null, "Reports", "Monthly reports follow", List.of());
    }

    @Test
    void csvPdfJpegPngAndGifAreAcceptedAndDownloadableByWhoSeesTheConversation() throws Exception {
        Message m = conversations.reply(carlos, thread.id(), "Files", List.of(IncomingFile.of("report.csv", TestFiles.csv()),
                IncomingFile.of("terms.pdf", TestFiles.pdf()), IncomingFile.of("photo.jpeg", TestFiles.jpeg()),
                IncomingFile.of("logo.png", TestFiles.png()), IncomingFile.of("anim.gif", TestFiles.gif())), false);
        assertEquals(List.of("text/csv; charset=UTF-8", "application/pdf", "image/jpeg", "image/png", "image/gif"),
                m.attachments().stream().map(Attachment::contentType).toList());
        Attachment pdf = m.attachments().get(1);
        var download = conversations.download(f.member(f.tom), pdf.id()).orElseThrow();
        assertEquals(new String(TestFiles.pdf()), Files.readString(download.file()));
        assertTrue(conversations.download(f.member(f.leo), pdf.id()).isEmpty(), "another partner gets nothing");
        assertTrue(conversations.download(f.member(f.maya), 999_999L).isEmpty());
    }

    @Test
    void theTypeIsDecidedByContentNotByName() {
        MessagingException e = assertThrows(MessagingException.class, () -> conversations.reply(carlos, thread.id(),
                "Invoice", List.of(IncomingFile.of("invoice.pdf", TestFiles.exe())), false));
        assertEquals("error.fileType", e.key());
        assertEquals("invoice.pdf", e.params().get("name"));
        assertThrows(MessagingException.class, () -> conversations.reply(carlos, thread.id(), "page",
                List.of(IncomingFile.of("data.csv", "<html><script>alert(1)</script></html>".getBytes())), false));
        assertThrows(MessagingException.class, () -> conversations.reply(carlos, thread.id(), "binary",
                List.of(IncomingFile.of("data.csv", new byte[] {1, 2, 3, 0, 5})), false));
        // A real PDF with a misleading name is accepted and gets the extension of what it is.
        Message m = conversations.reply(carlos, thread.id(), "ok",
                List.of(IncomingFile.of("setup.exe", TestFiles.pdf())), false);
        assertEquals("setup.exe.pdf", m.attachments().get(0).fileName());
        // A right-to-left override would make "invoice\u202Efdp.exe" look like "invoiceexe.pdf".
        assertEquals("invoice_fdp.exe.pdf", conversations.reply(carlos, thread.id(), "rlo",
                List.of(IncomingFile.of("invoice\u202Efdp.exe", TestFiles.pdf())), false).attachments().get(0).fileName());
        assertEquals("application/pdf", m.attachments().get(0).contentType());
    }

    @Test
    void aFileOfAnAllowedTypeThatIsAlsoAnArchiveOrAWebPageIsRefused() throws Exception {
        int before = conversations.messages(carlos, thread.id(), 0).size();
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
            z.write("Main-Class: Evil\n".getBytes());
        }
        java.io.ByteArrayOutputStream gifar = new java.io.ByteArrayOutputStream();
        gifar.writeBytes(TestFiles.gif());
        gifar.writeBytes(zip.toByteArray());
        MessagingException e = assertThrows(MessagingException.class, () -> conversations.reply(carlos, thread.id(),
                "logo", List.of(IncomingFile.of("logo.gif", gifar.toByteArray())), false));
        assertEquals("error.filePolyglot", e.key());
        assertEquals("GIF", e.params().get("type"));
        byte[] pdfPage = ("%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n" + new String(TestFiles.pdf()))
                .getBytes();
        assertEquals("error.filePolyglot", assertThrows(MessagingException.class, () -> conversations.reply(carlos,
                thread.id(), "terms", List.of(IncomingFile.of("terms.pdf", pdfPage)), false)).key());
        assertEquals(before, conversations.messages(carlos, thread.id(), 0).size(), "nothing of the refused messages is kept");
        // A ZIP signature inside ordinary data is not an archive at the end of the file.
        byte[] png = TestFiles.ofSize(4096);
        png[2000] = 'P';
        png[2001] = 'K';
        png[2002] = 5;
        png[2003] = 6;
        assertEquals(1, conversations.reply(carlos, thread.id(), "fine", List.of(IncomingFile.of("ok.png", png)), false)
                .attachments().size());
    }

    @Test
    void atMostTenFilesOfAtMostTheSizeLimit() throws Exception {
        List<IncomingFile> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(IncomingFile.of("f" + i + ".png", TestFiles.png()));
        }
        assertEquals("error.tooManyFiles", assertThrows(MessagingException.class,
                () -> conversations.reply(carlos, thread.id(), "x", eleven, false)).key());
        assertEquals(10, conversations.reply(carlos, thread.id(), "ten", eleven.subList(0, 10), false).attachments().size());
        // the fixture sets the limit to 1 MB
        MessagingException e = assertThrows(MessagingException.class, () -> conversations.reply(carlos, thread.id(),
                "big", List.of(IncomingFile.of("big.png", TestFiles.ofSize(1024 * 1024 + 1))), false));
        assertEquals("error.fileTooLarge", e.key());
        assertEquals(1L, e.params().get("maxMb"));
        assertEquals(1024 * 1024, conversations.reply(carlos, thread.id(), "just fits",
                List.of(IncomingFile.of("ok.png", TestFiles.ofSize(1024 * 1024))), false).attachments().get(0).sizeBytes());
    }

    @Test
    void anInfectedFileIsRefusedAndNothingOfTheMessageIsStored() throws Exception {
        int messagesBefore = conversations.messages(carlos, thread.id(), 0).size();
        MessagingException e = assertThrows(MessagingException.class, () -> conversations.reply(carlos, thread.id(),
                "Here are two files", List.of(IncomingFile.of("clean.pdf", TestFiles.pdf()),
                        IncomingFile.of("holiday.png", TestFiles.infectedPng())), false));
        assertEquals("error.fileInfected", e.key());
        assertEquals("holiday.png", e.params().get("name"));
        assertTrue(e.params().get("threat").toString().contains("Parley.Test.EICAR"), e.params().toString());
        assertEquals(messagesBefore, conversations.messages(carlos, thread.id(), 0).size());
        assertEquals(0, count("SELECT COUNT(*) FROM msg_attachment"));
        assertEquals(List.of(), storedFiles(), "no file left behind, not even the clean one");
        // The partner's upload is scanned the same way.
        assertThrows(MessagingException.class, () -> conversations.reply(f.member(f.maya), thread.id(), "x",
                List.of(IncomingFile.of("cv.pdf", (new String(TestFiles.pdf()) + TestClamd.EICAR).getBytes())), false));
    }

    @Test
    void aFileNamedWithAPathIsRefusedNamingItAndNothingOfTheMessageIsStored() throws Exception {
        int messagesBefore = conversations.messages(carlos, thread.id(), 0).size();
        long conversationsBefore = count("SELECT COUNT(*) FROM msg_conversation");
        for (String name : List.of("../../etc/passwd.pdf", "a/b.pdf", "..\\..\\x.png", "C:\\temp\\x.csv")) {
            // The clean file first: it must not be kept either.
            MessagingException e = assertThrows(MessagingException.class, () -> conversations.reply(carlos, thread.id(),
                    "Two files", List.of(IncomingFile.of("clean.pdf", TestFiles.pdf()), IncomingFile.of(name,
                            TestFiles.pdf())), false), name);
            assertEquals("error.fileNamePath", e.key(), name);
            assertEquals(name, e.params().get("name"));
        }
        MessagingException control = assertThrows(MessagingException.class, () -> conversations.reply(carlos,
                thread.id(), "x", List.of(IncomingFile.of("evil\u0000.pdf", TestFiles.pdf())), false));
        assertEquals("error.fileNameControl", control.key());
        assertEquals("evil?.pdf", control.params().get("name"));
        assertEquals("error.fileNameMissing", assertThrows(MessagingException.class, () -> conversations.reply(carlos,
                thread.id(), "x", List.of(IncomingFile.of("   ", TestFiles.pdf())), false)).key());
        // Partners and new conversations go through the same check.
        assertEquals("error.fileNamePath", assertThrows(MessagingException.class, () -> conversations.reply(
                f.member(f.maya), thread.id(), "x", List.of(IncomingFile.of("a/b.pdf", TestFiles.pdf())), false)).key());
        assertEquals("error.fileNamePath", assertThrows(MessagingException.class, () -> conversations.start(carlos,
                f.trail.id(), null, "New", "x", List.of(IncomingFile.of("a/b.pdf", TestFiles.pdf())))).key());
        assertEquals(messagesBefore, conversations.messages(carlos, thread.id(), 0).size());
        assertEquals(conversationsBefore, count("SELECT COUNT(*) FROM msg_conversation"), "no new conversation");
        assertEquals(0, count("SELECT COUNT(*) FROM msg_attachment"));
        assertEquals(List.of(), storedFiles(), "no file stored or staged");
    }

    @Test
    void withoutAReachableScannerAttachmentsAreRefusedButTextStillGoesThrough() throws Exception {
        f.host.setSetting("messaging.clamd.port", "1");
        conversations = f.rewire().conversations();
        MessagingException e = assertThrows(MessagingException.class, () -> conversations.reply(carlos, thread.id(),
                "file", List.of(IncomingFile.of("logo.png", TestFiles.png())), false));
        assertEquals("error.scannerUnavailable", e.key());
        assertEquals(0, count("SELECT COUNT(*) FROM msg_attachment"));
        conversations.reply(carlos, thread.id(), "text only works", List.of(), false);

        VirusScanner none = VirusScanner.NONE;
        assertThrows(VirusScanner.ScannerUnavailableException.class, () -> none.scan(new ByteArrayInputStream(new byte[1])));
    }

    @Test
    void theClamdAdapterReportsCleanAndInfectedStreams() throws Exception {
        ClamdScanner scanner = new ClamdScanner("127.0.0.1", TestClamd.get().port(), 5000);
        assertTrue(scanner.ping());
        assertNull(scanner.scan(new ByteArrayInputStream(TestFiles.pdf())));
        assertEquals("Parley.Test.EICAR.UNOFFICIAL", scanner.scan(new ByteArrayInputStream(TestFiles.infectedPng())));
        byte[] big = new byte[300 * 1024];
        System.arraycopy(TestClamd.EICAR.getBytes(), 0, big, 200 * 1024, TestClamd.EICAR.length());
        assertTrue(scanner.scan(new ByteArrayInputStream(big)).startsWith("Parley.Test.EICAR"), "found across chunks");
    }

    private long count(String sql) throws Exception {
        try (Connection c = f.host.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Path> storedFiles() throws Exception {
        Path root = f.host.dataDirectory("parley-messaging").resolve("attachments");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
