package dev.parley.messaging.channel.email;

import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.partner.PartnerMember;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.attachment.IncomingFile;
import dev.parley.messaging.conversation.Channel;
import dev.parley.messaging.conversation.Conversation;
import dev.parley.messaging.conversation.InboundMessage;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a partner's e-mail reply into an {@link InboundMessage}: the conversation from the reply
 * address's token, the sender from the From address (a member of that conversation's partner), the
 * new text without the quoted original, and the attached files.
 */
public final class InboundEmailReader {

    private static final String[] RECIPIENT_HEADERS = {"Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc"};
    /** Lines that start the quoted original in common mail clients (English and Chinese). */
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(On .{1,300} wrote:|-{2,} ?Original Message ?-{2,}|-{2,} ?原始邮件 ?-{2,}|在.{1,200}写道[:：]|From: .*)$",
            Pattern.CASE_INSENSITIVE);

    private final ReplyAddress replyAddress;
    private final PartnerDirectory directory;
    private final Function<String, Optional<Conversation>> conversationByToken;
    private final long maxMailBytes;

    /**
     * @param maxMailBytes largest mail accepted, attachments included: a larger one is refused before
     *        its content is read, and no more than this is ever read of one mail
     */
    public InboundEmailReader(ReplyAddress replyAddress, PartnerDirectory directory,
            Function<String, Optional<Conversation>> conversationByToken, long maxMailBytes) {
        this.replyAddress = replyAddress;
        this.directory = directory;
        this.conversationByToken = conversationByToken;
        this.maxMailBytes = maxMailBytes;
    }

    /**
     * @throws MessagingException {@code error.inbound.tooLarge}, {@code error.inbound.unknownThread},
     *         {@code error.inbound.unknownSender} or {@code error.inbound.malformed} (broken MIME, bad
     *         encoding, unknown charset): the mail is refused for good
     * @throws jakarta.mail.MessagingException or IOException when the mailbox connection failed: the
     *         mail itself may be fine and is tried again
     */
    public InboundMessage read(Message remote) throws jakarta.mail.MessagingException, IOException {
        // IMAP reports the size (RFC822.SIZE) without fetching the content.
        long size = remote.getSize();
        if (size > maxMailBytes) {
            throw tooLarge(size);
        }
        Message mail = localCopy(remote);
        Optional<String> token;
        Optional<String> from;
        try {
            token = token(mail);
            from = from(mail);
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            throw malformed(e); // the local copy: its content is at fault, not the connection
        }
        Conversation c = conversationByToken.apply(token.orElseThrow(
                () -> new MessagingException("error.inbound.unknownThread")))
                .orElseThrow(() -> new MessagingException("error.inbound.unknownThread"));
        String sender = from.orElseThrow(() -> new MessagingException("error.inbound.unknownSender"));
        PartnerMember member = directory.membersByEmail(sender).stream().filter(m -> m.partnerId() == c.partnerId())
                .findFirst().orElseThrow(() -> new MessagingException("error.inbound.unknownSender"));
        Parts parts = new Parts(maxMailBytes);
        String id;
        try {
            walk(mail, parts);
            id = messageId(mail, sender);
        } catch (MessagingException e) {
            throw e;
        } catch (jakarta.mail.MessagingException | IOException | RuntimeException e) {
            throw malformed(e);
        }
        String text = parts.plain.length() > 0 ? parts.plain.toString() : htmlToText(parts.html.toString());
        return new InboundMessage(Channel.EMAIL, id, c.id(), member.id(), stripQuoted(text), parts.files);
    }

    /**
     * The mail's raw bytes (at most the size limit, whatever the server claimed), parsed here: its MIME
     * structure is never taken from the server, whose parser may choke on a malformed mail (and drop
     * the connection every time, so one bad mail would block every mail after it).
     */
    private Message localCopy(Message remote) throws jakarta.mail.MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (count + (long) len > maxMailBytes) {
                    throw tooLarge(count + (long) len);
                }
                super.write(b, off, len);
            }

            @Override
            public synchronized void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
        try {
            remote.writeTo(raw);
        } catch (jakarta.mail.MessagingException | IOException | RuntimeException e) {
            if (e instanceof MessagingException || connectionLost(remote)) {
                throw e;
            }
            throw malformed(e);
        }
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
    }

    private MessagingException tooLarge(long size) {
        return new MessagingException("error.inbound.tooLarge", Map.of("size", size, "maxMb",
                maxMailBytes / (1024 * 1024)));
    }

    /**
     * Whether reading failed because the mailbox connection did (its folder closed): the mail may be
     * fine and is tried again. Otherwise its content is at fault and it is refused for good.
     */
    private static boolean connectionLost(Message mail) {
        Folder folder = mail.getFolder();
        return folder != null && !folder.isOpen();
    }

    private static MessagingException malformed(Exception e) {
        return new MessagingException("error.inbound.malformed", Map.of("reason", e.getClass().getSimpleName() + ": "
                + e.getMessage()), e);
    }

    private Optional<String> token(Message mail) throws jakarta.mail.MessagingException {
        for (String header : RECIPIENT_HEADERS) {
            String[] values = mail.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String v : values) {
                Optional<String> t = replyAddress.token(v);
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> from(Message mail) throws jakarta.mail.MessagingException {
        Address[] from = mail.getFrom();
        if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress a) || a.getAddress() == null) {
            return Optional.empty();
        }
        return Optional.of(a.getAddress().strip().toLowerCase(Locale.ROOT));
    }

    private static String messageId(Message mail, String from) throws jakarta.mail.MessagingException {
        String[] ids = mail.getHeader("Message-ID");
        if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
            String id = ids[0].strip();
            return id.length() > 250 ? id.substring(0, 250) : id;
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((from + "|" + mail.getSentDate() + "|" + mail.getSubject()).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a mail carries, read within a byte budget. */
    private static final class Parts {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<IncomingFile> files = new ArrayList<>();
        final long max;
        long read;

        Parts(long max) {
            this.max = max;
        }

        /** Reads a part's decoded bytes, refusing the mail once the budget is spent (a wrong size header, say). */
        byte[] read(Part part) throws jakarta.mail.MessagingException, IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = part.getInputStream()) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    read += n;
                    if (read > max) {
                        throw new MessagingException("error.inbound.tooLarge", Map.of("size", read, "maxMb",
                                max / (1024 * 1024)));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return out.toByteArray();
        }
    }

    private static void walk(Part part, Parts parts) throws jakarta.mail.MessagingException, IOException {
        String disposition = part.getDisposition();
        String fileName = part.getFileName();
        if (fileName != null) {
            fileName = MimeUtility.decodeText(fileName);
        }
        if (part.isMimeType("multipart/*")) {
            if (!(part.getContent() instanceof Multipart mp)) {
                throw new jakarta.mail.MessagingException("multipart without parts");
            }
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child, parts);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || (fileName != null && !part.isMimeType("text/plain")
                && !part.isMimeType("text/html"))) {
            byte[] bytes = parts.read(part);
            // Mail clients leave inline parts unnamed; a name that is given is checked like any upload's.
            parts.files.add(IncomingFile.of(fileName == null || fileName.isBlank() ? "attachment" : fileName, bytes));
        } else if (part.isMimeType("text/plain") && parts.plain.length() == 0) {
            parts.plain.append(text(part, parts));
        } else if (part.isMimeType("text/html") && parts.html.length() == 0) {
            parts.html.append(text(part, parts));
        }
    }

    /**
     * A text part in its declared charset (UTF-8 when none is declared). An unknown charset refuses
     * the mail rather than guessing.
     */
    private static String text(Part part, Parts parts) throws jakarta.mail.MessagingException, IOException {
        String declared = new ContentType(part.getContentType()).getParameter("charset");
        Charset charset = declared == null || declared.isBlank() ? StandardCharsets.UTF_8
                : Charset.forName(MimeUtility.javaCharset(declared.strip()));
        return new String(parts.read(part), charset);
    }

    private static String htmlToText(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
                .replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** The new text of a reply: everything above the quoted original. */
    static String stripQuoted(String text) {
        List<String> kept = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String t = line.strip();
            if (QUOTE_HEADER.matcher(t).matches() || t.startsWith(">")) {
                break;
            }
            kept.add(line);
        }
        String result = String.join("\n", kept).strip();
        return result.isEmpty() ? text.strip() : result;
    }
}
