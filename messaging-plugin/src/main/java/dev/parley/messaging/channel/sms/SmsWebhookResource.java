package dev.parley.messaging.channel.sms;

import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.MessagingServices;
import dev.parley.messaging.conversation.Message;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.wicket.request.IRequestParameters;
import org.apache.wicket.request.http.WebRequest;
import org.apache.wicket.request.resource.AbstractResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound SMS webhook ({@code POST /hooks/sms}): form fields {@code from} (E.164), {@code text},
 * {@code id} (the gateway's message id) and {@code timestamp} (epoch seconds), signed in header
 * {@code X-Parley-Signature} (see {@link SmsSignature}). Answers 200 when stored, 403 for a bad or
 * stale signature, 422 for an unknown sender or thread or a refused message, 400 for a malformed
 * request or fields that are not UTF-8, 413 for a body over 16 KB (refused before it is read), 415 for
 * anything but UTF-8 form fields, 503 when no secret is configured. Refusals are logged; nothing is
 * half-stored.
 */
public final class SmsWebhookResource extends AbstractResource {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SmsWebhookResource.class);
    /** Largest request body: four short fields (a long text is refused by the program's message length anyway). */
    static final int MAX_BODY_BYTES = 16 * 1024;

    @Override
    protected ResourceResponse newResourceResponse(Attributes attributes) {
        WebRequest request = (WebRequest) attributes.getRequest();
        ResourceResponse response = new ResourceResponse();
        response.disableCaching();
        response.setContentType("text/plain; charset=UTF-8");
        if (!"POST".equalsIgnoreCase(((jakarta.servlet.http.HttpServletRequest) request.getContainerRequest()).getMethod())) {
            return refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
        MessagingServices services = MessagingPlugin.get().services();
        String secret = services.config().smsSecret().orElse(null);
        if (secret == null) {
            LOG.warn("Inbound SMS refused: messaging.sms.secret is not configured");
            return refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
        jakarta.servlet.http.HttpServletRequest http = (jakarta.servlet.http.HttpServletRequest) request.getContainerRequest();
        String client = http.getRemoteAddr();
        String type = http.getContentType() == null ? "" : http.getContentType().toLowerCase(Locale.ROOT);
        // Without a content type no form is parsed at all, and the missing fields answer 400 below.
        if (!type.isEmpty() && (!type.startsWith("application/x-www-form-urlencoded")
                || type.contains("charset=") && !type.replace(" ", "").contains("charset=utf-8"))) {
            LOG.warn("Inbound SMS from {} refused: content type \"{}\", not UTF-8 form fields", client, loggable(type));
            return refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
        }
        long length = http.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            // Refused on its declared length: not one byte of it is read.
            LOG.warn("Inbound SMS from {} refused: {} bytes, more than {}", client, length, MAX_BODY_BYTES);
            return refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
        // A body without a declared length is cut off by the container at this size (Jetty reads this attribute).
        http.setAttribute("org.eclipse.jetty.server.Request.maxFormContentSize", MAX_BODY_BYTES);
        String from;
        String text;
        String id;
        String timestamp;
        try {
            IRequestParameters form = request.getPostParameters();
            from = form.getParameterValue("from").toOptionalString();
            text = form.getParameterValue("text").toOptionalString();
            id = form.getParameterValue("id").toOptionalString();
            timestamp = form.getParameterValue("timestamp").toOptionalString();
        } catch (RuntimeException e) {
            LOG.warn("Inbound SMS from {} refused: unreadable form ({})", client, loggable(String.valueOf(e.getMessage())));
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
        }
        if (from == null || text == null || id == null || timestamp == null || id.length() > 200 || from.length() > 32) {
            LOG.warn("Inbound SMS from {} refused: from, text, id and timestamp are required", client);
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
        }
        if ((from + id + text + timestamp).indexOf('\uFFFD') >= 0) {
            // What the container makes of bytes that are not UTF-8.
            LOG.warn("Inbound SMS {} from {} refused: not UTF-8", loggable(id), loggable(from));
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            LOG.warn("Inbound SMS {} from {} refused: bad timestamp", loggable(id), loggable(from));
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST);
        }
        if (!SmsSignature.verify(secret, ts, from, id, text, request.getHeader("X-Parley-Signature"),
                services.host().clock().instant())) {
            LOG.warn("Inbound SMS {} from {} refused: bad or stale signature", loggable(id), loggable(from));
            return refuse(response, HttpServletResponse.SC_FORBIDDEN);
        }
        try {
            Message m = services.sms().receive(from, "sms:" + id, text);
            LOG.info("SMS {} from {} stored as message {} in conversation {}", loggable(id), loggable(from), m.id(),
                    m.conversationId());
            return answer(response, HttpServletResponse.SC_OK, "stored " + m.id());
        } catch (MessagingException e) {
            LOG.warn("Inbound SMS {} from {} refused: {}", loggable(id), loggable(from), e.getMessage());
            return refuse(response, 422);
        }
    }

    /** A sender's value for one log line: no line breaks or other controls, at most 200 characters. */
    private static String loggable(String value) {
        String v = value.replaceAll("\\p{Cntrl}", "?");
        return v.length() > 200 ? v.substring(0, 200) + "…" : v;
    }

    /**
     * A refusal: the status alone (Wicket writes no body for a status of 300 and above, and a declared
     * length without its body would break the gateway's connection); the reason is in the log.
     */
    private static ResourceResponse refuse(ResourceResponse response, int status) {
        response.setStatusCode(status);
        response.setContentLength(0);
        return response;
    }

    private static ResourceResponse answer(ResourceResponse response, int status, String text) {
        response.setStatusCode(status);
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.setWriteCallback(new WriteCallback() {
            @Override
            public void writeData(Attributes attributes) {
                attributes.getResponse().write(body);
            }
        });
        return response;
    }

}
