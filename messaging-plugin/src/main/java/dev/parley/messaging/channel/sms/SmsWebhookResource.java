package dev.parley.messaging.channel.sms;

import dev.parley.messaging.MessagingException;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.MessagingServices;
import dev.parley.messaging.conversation.Message;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
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
 * request, 503 when no secret is configured. Refusals are logged; nothing is half-stored.
 */
public final class SmsWebhookResource extends AbstractResource {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SmsWebhookResource.class);

    @Override
    protected ResourceResponse newResourceResponse(Attributes attributes) {
        WebRequest request = (WebRequest) attributes.getRequest();
        ResourceResponse response = new ResourceResponse();
        response.disableCaching();
        response.setContentType("text/plain; charset=UTF-8");
        if (!"POST".equalsIgnoreCase(((jakarta.servlet.http.HttpServletRequest) request.getContainerRequest()).getMethod())) {
            return answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "POST only");
        }
        MessagingServices services = MessagingPlugin.get().services();
        String secret = services.config().smsSecret().orElse(null);
        if (secret == null) {
            LOG.warn("Inbound SMS refused: messaging.sms.secret is not configured");
            return answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "not configured");
        }
        IRequestParameters form = request.getPostParameters();
        String from = form.getParameterValue("from").toOptionalString();
        String text = form.getParameterValue("text").toOptionalString();
        String id = form.getParameterValue("id").toOptionalString();
        String timestamp = form.getParameterValue("timestamp").toOptionalString();
        if (from == null || text == null || id == null || timestamp == null || id.length() > 200) {
            LOG.warn("Inbound SMS refused: malformed request from {}", request.getClientUrl());
            return answer(response, HttpServletResponse.SC_BAD_REQUEST, "from, text, id and timestamp are required");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return answer(response, HttpServletResponse.SC_BAD_REQUEST, "bad timestamp");
        }
        if (!SmsSignature.verify(secret, ts, from, id, text, request.getHeader("X-Parley-Signature"),
                services.host().clock().instant())) {
            LOG.warn("Inbound SMS {} from {} refused: bad or stale signature", id, from);
            return answer(response, HttpServletResponse.SC_FORBIDDEN, "bad signature");
        }
        try {
            Message m = services.sms().receive(from, "sms:" + id, text);
            LOG.info("SMS {} from {} stored as message {} in conversation {}", id, from, m.id(), m.conversationId());
            return answer(response, HttpServletResponse.SC_OK, "stored " + m.id());
        } catch (MessagingException e) {
            LOG.warn("Inbound SMS {} from {} refused: {}", id, from, e.getMessage());
            return answer(response, 422, e.key());
        }
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
