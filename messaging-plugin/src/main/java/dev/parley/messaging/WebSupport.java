package dev.parley.messaging;

import dev.parley.api.plugin.Host;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.upload.SentFiles;
import dev.parley.messaging.attachment.AttachmentStore;
import dev.parley.messaging.attachment.IncomingFile;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.wicket.Component;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;

/** Small helpers the plugin's pages share. */
public final class WebSupport {

    private WebSupport() {
    }

    /** @return the logged-in user (pages are only reached by logged-in users: the host enforces it) */
    public static CurrentUser user() {
        return Host.services().currentUser().orElseThrow(() -> new AbortWithHttpErrorCodeException(403));
    }

    /** @return the plugin's services */
    public static MessagingServices services() {
        return MessagingPlugin.get().services();
    }

    /** @return the user-facing text of a refusal, in the component's language */
    public static String text(Component component, MessagingException e) {
        Map<String, Object> params = new HashMap<>(e.params());
        return component.getString(e.key(), Model.ofMap(params), e.key());
    }

    /** @return an instant in the viewer's time zone and language */
    public static String time(Instant at, CurrentUser viewer) {
        // a page shows up to 50 times; formatters are immutable, so one per language and zone
        return FORMATTERS.computeIfAbsent(List.of(viewer.locale(), viewer.zoneId()),
                k -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(viewer.locale()).withZone(viewer.zoneId())).format(at);
    }

    private static final Map<List<Object>, DateTimeFormatter> FORMATTERS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @return the files chosen in an upload field, under the names the browser sent, readable during
     *         this request
     * @throws MessagingException when a name is not a plain file name (a path, say): refused here at
     *         the edge, before any byte is read, and again by the attachment store
     */
    public static List<IncomingFile> uploads(FileUploadField field) {
        List<IncomingFile> files = new ArrayList<>();
        for (SentFiles.SentFile f : SentFiles.of(field)) {
            AttachmentStore.requirePlainName(f.name());
            FileUpload upload = f.upload();
            files.add(new IncomingFile(f.name(), upload::getInputStream));
        }
        return files;
    }

    /** @return a 404 to end the request with (the conversation is not the viewer's) */
    public static AbortWithHttpErrorCodeException notFound() {
        return new AbortWithHttpErrorCodeException(404);
    }

    /** @return the largest attachment in megabytes, for the hint under upload fields */
    public static long maxFileMb() {
        return services().config().maxFileBytes() / (1024 * 1024);
    }
}
