package dev.parley.messaging.channel.email;

import dev.parley.messaging.MessagingConfig;
import dev.parley.messaging.MessagingException;
import dev.parley.messaging.conversation.ConversationService;
import dev.parley.messaging.conversation.InboundMessage;
import dev.parley.messaging.conversation.Message;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads partners' e-mail replies from an IMAP mailbox: every unread mail is matched to its
 * conversation and stored, or refused and logged; either way it is then marked read. Refused for
 * good are also mail that is too large or malformed (it is parsed here, so it cannot stop the mails
 * after it). A mail that fails for a passing reason (database down, the virus scanner unreachable)
 * stays unread and is tried again at the next poll; a lost mailbox connection ends the poll.
 */
public final class ImapPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);

    private final MessagingConfig.Imap imap;
    private final InboundEmailReader reader;
    private final ConversationService conversations;
    private final boolean retryWhenScannerDown;
    private ScheduledExecutorService timer;

    /**
     * @param retryWhenScannerDown a scanner is configured, so "no verdict" is an outage worth waiting
     *        for; without one, mail with attachments is refused at once
     */
    public ImapPoller(MessagingConfig.Imap imap, InboundEmailReader reader, ConversationService conversations,
            boolean retryWhenScannerDown) {
        this.imap = imap;
        this.reader = reader;
        this.conversations = conversations;
        this.retryWhenScannerDown = retryWhenScannerDown;
    }

    /** Polls every {@code pollSeconds} on a thread of its own until closed. */
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-messaging-imap");
            t.setDaemon(true);
            t.setContextClassLoader(ImapPoller.class.getClassLoader());
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                pollOnce();
            } catch (RuntimeException | jakarta.mail.MessagingException e) {
                LOG.warn("Polling {}@{} failed: {}", imap.user(), imap.host(), e.getMessage());
            }
        }, 1, Math.max(5, imap.pollSeconds()), TimeUnit.SECONDS);
    }

    /** @return how many replies were stored */
    public int pollOnce() throws jakarta.mail.MessagingException {
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        // Jakarta Mail finds its providers through the context loader: use the plugin's own copy.
        current.setContextClassLoader(ImapPoller.class.getClassLoader());
        try {
            return poll();
        } finally {
            current.setContextClassLoader(before);
        }
    }

    private int poll() throws jakarta.mail.MessagingException {
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "20000");
        Session session = Session.getInstance(props);
        int stored = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.host(), imap.port(), imap.user(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                jakarta.mail.Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (jakarta.mail.Message mail : unread) {
                    if (handle(mail)) {
                        stored++;
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        return stored;
    }

    private boolean handle(jakarta.mail.Message mail) throws jakarta.mail.MessagingException {
        String from = "(unreadable sender)";
        String subject = "(unreadable subject)";
        try {
            from = loggable(Arrays.toString(mail.getFrom()));
            subject = loggable(mail.getSubject());
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            // Headers too broken to show: the reader refuses such a mail below.
        }
        try {
            InboundMessage in = reader.read(mail);
            Message stored = conversations.receive(in);
            LOG.info("E-mail reply from {} stored as message {} in conversation {}", from, stored.id(),
                    stored.conversationId());
            mail.setFlag(Flags.Flag.SEEN, true);
            return true;
        } catch (MessagingException e) {
            if ("error.scannerUnavailable".equals(e.key()) && retryWhenScannerDown) {
                LOG.warn("E-mail from {} ({}) waits: its attachments cannot be scanned now; it stays unread and is "
                        + "tried again", from, subject);
                keepUnread(mail);
                return false;
            }
            // Refused for good (unknown sender or thread, too large, malformed, a file refused): read, never retried.
            LOG.warn("E-mail from {} ({}) refused: {}", from, subject, loggable(e.getMessage()));
            mail.setFlag(Flags.Flag.SEEN, true);
            return false;
        } catch (java.io.IOException | jakarta.mail.MessagingException | RuntimeException e) {
            if (!mail.getFolder().isOpen()) {
                throw new jakarta.mail.MessagingException("the mailbox connection was lost", e);
            }
            LOG.error("E-mail from {} could not be handled; it stays unread and is tried again", from, e);
            keepUnread(mail);
            return false;
        }
    }

    /** A mail's text for one log line: no line breaks or other controls (a forged log line), at most 200 characters. */
    private static String loggable(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    /** Reading a mail's body over IMAP marks it read: undo that for a mail to try again. */
    private static void keepUnread(jakarta.mail.Message mail) {
        try {
            mail.setFlag(Flags.Flag.SEEN, false);
        } catch (jakarta.mail.MessagingException e) {
            LOG.warn("Cannot keep a mail unread: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
