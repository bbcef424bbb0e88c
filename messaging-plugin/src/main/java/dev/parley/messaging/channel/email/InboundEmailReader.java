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
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    public InboundEmailReader(ReplyAddress replyAddress, PartnerDirectory directory,
            Function<String, Optional<Conversation>> conversationByToken) {
        this.replyAddress = replyAddress;
        this.directory = directory;
        this.conversationByToken = conversationByToken;
    }

    /**
     * @throws MessagingException {@code error.inbound.unknownThread} or {@code error.inbound.unknownSender}
     */
    public InboundMessage read(Message mail) throws jakarta.mail.MessagingException, IOException {
        String token = token(mail).orElseThrow(() -> new MessagingException("error.inbound.unknownThread"));
        Conversation c = conversationByToken.apply(token)
                .orElseThrow(() -> new MessagingException("error.inbound.unknownThread"));
        String from = from(mail).orElseThrow(() -> new MessagingException("error.inbound.unknownSender"));
        PartnerMember sender = directory.membersByEmail(from).stream().filter(m -> m.partnerId() == c.partnerId())
                .findFirst().orElseThrow(() -> new MessagingException("error.inbound.unknownSender"));
        List<IncomingFile> files = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        walk(mail, plain, html, files);
        String text = plain.length() > 0 ? plain.toString() : htmlToText(html.toString());
        return new InboundMessage(Channel.EMAIL, messageId(mail, from), c.id(), sender.id(), stripQuoted(text), files);
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

    private static void walk(Part part, StringBuilder plain, StringBuilder html, List<IncomingFile> files)
            throws jakarta.mail.MessagingException, IOException {
        String disposition = part.getDisposition();
        String fileName = part.getFileName();
        if (fileName != null) {
            fileName = MimeUtility.decodeText(fileName);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child, plain, html, files);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || (fileName != null && !part.isMimeType("text/plain")
                && !part.isMimeType("text/html"))) {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            files.add(IncomingFile.of(fileName == null ? "attachment" : fileName, bytes));
        } else if (part.isMimeType("text/plain") && plain.length() == 0) {
            plain.append(part.getContent().toString());
        } else if (part.isMimeType("text/html") && html.length() == 0) {
            html.append(part.getContent().toString());
        }
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
