package dev.parley.messaging.broadcast;

import dev.parley.messaging.MessagingPlugin;
import java.time.Duration;
import java.util.Base64;
import org.apache.wicket.request.resource.AbstractResource;

/**
 * The e-mail open pixel ({@code /messaging/open?t=<signed token>}): records the first open of the
 * copy and always answers the same transparent 1×1 GIF, never revealing whether the token was valid.
 */
public final class OpenPixelResource extends AbstractResource {

    private static final long serialVersionUID = 1L;
    private static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    @Override
    protected ResourceResponse newResourceResponse(Attributes attributes) {
        String token = attributes.getParameters().get("t").toOptionalString();
        if (token != null) {
            try {
                MessagingPlugin.get().services().broadcasts().emailOpened(token);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(OpenPixelResource.class).warn("Open pixel not recorded: {}", e.getMessage());
            }
        }
        ResourceResponse response = new ResourceResponse();
        response.setContentType("image/gif");
        response.setContentLength(GIF.length);
        response.setCacheDuration(Duration.ZERO);
        response.setCacheScope(org.apache.wicket.request.http.WebResponse.CacheScope.PRIVATE);
        response.setWriteCallback(new WriteCallback() {
            @Override
            public void writeData(Attributes attrs) {
                attrs.getResponse().write(GIF);
            }
        });
        return response;
    }
}
