package dev.parley.messaging;

import dev.parley.api.plugin.HostServices;
import java.util.Optional;

/**
 * The plugin's settings, read from the host's configuration (e.g. {@code --messaging.clamd.host=...}
 * on the demo's command line):
 * <ul>
 * <li>{@code messaging.clamd.host}, {@code .port} (3310), {@code .timeout.ms} (10000): the ClamAV
 * daemon. Without it every attachment is refused.</li>
 * <li>{@code messaging.attachment.max.mb} (25): largest file.</li>
 * <li>{@code messaging.email.reply.address}: the mailbox partners' replies go to, e.g.
 * {@code reply@parley.example}; notifications are sent with {@code reply+<thread token>@...}.</li>
 * <li>{@code messaging.imap.host}, {@code .port} (993), {@code .ssl} (true), {@code .user},
 * {@code .password}, {@code .folder} (INBOX), {@code .poll.seconds} (30): where replies are read.</li>
 * <li>{@code messaging.email.max.mb} (40): largest reply mail, attachments included; a larger one is
 * refused before its content is read.</li>
 * <li>{@code messaging.sms.secret}: shared secret of the inbound SMS webhook; without it the webhook
 * refuses everything.</li>
 * <li>{@code base.url}: the public address, for links in e-mails.</li>
 * </ul>
 */
public record MessagingConfig(Optional<String> clamdHost, int clamdPort, int clamdTimeoutMillis, long maxFileBytes,
        Optional<String> replyAddress, Optional<Imap> imap, Optional<String> smsSecret, String baseUrl) {

    /**
     * IMAP mailbox settings.
     */
    public record Imap(String host, int port, boolean ssl, String user, String password, String folder,
            int pollSeconds, long maxMailBytes) {
    }

    public static MessagingConfig from(HostServices host) {
        Optional<Imap> imap = host.setting("messaging.imap.host").map(h -> new Imap(h,
                integer(host, "messaging.imap.port", 993), bool(host, "messaging.imap.ssl", true),
                host.setting("messaging.imap.user").orElse(""), host.setting("messaging.imap.password").orElse(""),
                host.setting("messaging.imap.folder").orElse("INBOX"), integer(host, "messaging.imap.poll.seconds", 30),
                integer(host, "messaging.email.max.mb", 40) * 1024L * 1024L));
        return new MessagingConfig(host.setting("messaging.clamd.host"), integer(host, "messaging.clamd.port", 3310),
                integer(host, "messaging.clamd.timeout.ms", 10_000),
                integer(host, "messaging.attachment.max.mb", 25) * 1024L * 1024L,
                host.setting("messaging.email.reply.address"), imap, host.setting("messaging.sms.secret"),
                host.setting("base.url").map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse(""));
    }

    private static int integer(HostServices host, String key, int fallback) {
        return host.setting(key).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Setting " + key + " must be a number, got: " + v);
            }
        }).orElse(fallback);
    }

    private static boolean bool(HostServices host, String key, boolean fallback) {
        return host.setting(key).map(v -> Boolean.parseBoolean(v.strip())).orElse(fallback);
    }
}
