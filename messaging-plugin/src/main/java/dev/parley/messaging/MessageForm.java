package dev.parley.messaging;

import dev.parley.messaging.attachment.IncomingFile;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.model.Model;
import org.apache.wicket.util.lang.Bytes;

/**
 * A form that sends a message with attachments: a new conversation or a reply, on the brand side or
 * in the portal. It owns what every such form must do alike: the {@code files} field and its
 * {@code allowed} hint, a bound on the request size, a too-large upload and a refused message shown
 * as the form's error (nothing is stored then). The page's markup holds the fields; a subclass adds its
 * own text fields and sends.
 */
public abstract class MessageForm extends Form<Void> {

    private static final long serialVersionUID = 1L;

    private final FileUploadField files = new FileUploadField("files");

    protected MessageForm(String id) {
        super(id);
        setMultiPart(true);
        // the request may carry the most files of the largest size, plus the text fields
        setMaxSize(Bytes.bytes(WebSupport.services().config().maxFileBytes() * 10 + 1024 * 1024));
        add(files);
    }

    @Override
    protected void onInitialize() {
        super.onInitialize();
        add(new Label("allowed", getString("allowedFiles", Model.ofMap(Map.of("maxMb", WebSupport.maxFileMb())))));
    }

    /**
     * Sends the message, then shows where it went.
     *
     * @param attachments the files as sent (their names checked)
     * @throws MessagingException when the message is refused: shown as the form's error
     */
    protected abstract void send(List<IncomingFile> attachments);

    @Override
    protected final void onSubmit() {
        try {
            send(WebSupport.uploads(files));
        } catch (MessagingException e) {
            error(WebSupport.text(this, e));
        }
    }

    @Override
    protected final void onFileUploadException(FileUploadException e, Map<String, Object> model) {
        error(getString("error.uploadTooLarge"));
    }
}
