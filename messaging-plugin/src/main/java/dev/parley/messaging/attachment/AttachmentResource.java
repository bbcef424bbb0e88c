package dev.parley.messaging.attachment;

import dev.parley.api.plugin.Host;
import dev.parley.api.user.CurrentUser;
import dev.parley.messaging.MessagingPlugin;
import dev.parley.messaging.conversation.ConversationService.Download;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.wicket.request.resource.AbstractResource;
import org.apache.wicket.request.resource.ContentDisposition;
import java.time.Duration;

/**
 * Downloads an attachment ({@code /messaging/attachment?id=N}) for a user who can see its
 * conversation; anyone else, logged in or not, gets 404. Always as a download ({@code attachment}
 * disposition with an encoded file name), with the type decided at upload and {@code nosniff}.
 */
public final class AttachmentResource extends AbstractResource {

    private static final long serialVersionUID = 1L;

    @Override
    protected ResourceResponse newResourceResponse(Attributes attributes) {
        ResourceResponse response = new ResourceResponse();
        long id = attributes.getParameters().get("id").toLong(-1);
        Optional<CurrentUser> user = Host.services().currentUser();
        Optional<Download> download = id < 0 || user.isEmpty() ? Optional.empty()
                : MessagingPlugin.get().services().conversations().download(user.get(), id);
        if (download.isEmpty()) {
            // a link people follow: the host answers with its own "not found" page
            throw new org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException(HttpServletResponse.SC_NOT_FOUND);
        }
        Attachment a = download.get().attachment();
        response.setContentType(a.contentType());
        response.setContentDisposition(ContentDisposition.ATTACHMENT);
        response.setFileName(a.fileName());
        response.setContentLength(a.sizeBytes());
        response.setCacheDuration(Duration.ZERO);
        response.setCacheScope(org.apache.wicket.request.http.WebResponse.CacheScope.PRIVATE);
        response.getHeaders().addHeader("X-Content-Type-Options", "nosniff");
        response.getHeaders().addHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setWriteCallback(new WriteCallback() {
            @Override
            public void writeData(Attributes attrs) {
                try (InputStream in = Files.newInputStream(download.get().file())) {
                    OutputStream out = attrs.getResponse().getOutputStream();
                    in.transferTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return response;
    }
}
