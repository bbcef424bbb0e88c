package dev.parley.messaging.channel.sms;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo's gateway: writes each text message to the log instead of sending it. */
public final class LoggingSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public String send(String phone, String text) {
        String id = "log-" + UUID.randomUUID();
        LOG.info("SMS {} to {}: {}", id, phone, text);
        return id;
    }
}
