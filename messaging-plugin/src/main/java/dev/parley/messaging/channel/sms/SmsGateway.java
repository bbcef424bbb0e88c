package dev.parley.messaging.channel.sms;

import java.io.IOException;

/** Sends text messages. Production hosts plug a provider in; the demo logs them. */
public interface SmsGateway {

    /**
     * @param phone E.164 number
     * @return the gateway's id of the message
     */
    String send(String phone, String text) throws IOException;
}
