package dev.parley.messaging.channel.email;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reply address of a conversation: the configured mailbox with the conversation's token as
 * sub-address, {@code reply+<token>@example.com}. Mail servers deliver it to {@code reply@example.com}.
 */
public final class ReplyAddress {

    private final String local;
    private final String domain;
    private final Pattern pattern;

    public ReplyAddress(String mailbox) {
        int at = mailbox.lastIndexOf('@');
        if (at < 1 || at == mailbox.length() - 1) {
            throw new IllegalArgumentException("messaging.email.reply.address must be an e-mail address: " + mailbox);
        }
        this.local = mailbox.substring(0, at);
        this.domain = mailbox.substring(at + 1);
        this.pattern = Pattern.compile(Pattern.quote(local) + "\\+([a-z0-9]{24})@" + Pattern.quote(domain),
                Pattern.CASE_INSENSITIVE);
    }

    /** @return the address replies to the conversation go to */
    public String forToken(String token) {
        return local + "+" + token + "@" + domain;
    }

    /** @return the conversation token in an address (or header value holding one), if any */
    public Optional<String> token(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(address);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
