package dev.parley.api.upload;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.fileupload2.core.FileItem;
import org.apache.wicket.markup.html.form.upload.FileUpload;
import org.apache.wicket.markup.html.form.upload.FileUploadField;
import org.apache.wicket.protocol.http.IMultipartWebRequest;
import org.apache.wicket.request.Request;

/**
 * The files chosen in an upload field with their names exactly as the browser sent them. Wicket's
 * {@link FileUpload#getClientFileName()} cuts a name down to its last path segment, which would hide
 * a path that {@link UploadName} must refuse.
 *
 * @since 1.0
 */
public final class SentFiles {

    /**
     * One file of the field.
     *
     * @param name the name as sent (untrusted: check it with {@link UploadName#problem(String)})
     * @param upload the file's bytes, readable during this request
     * @since 1.0
     */
    public record SentFile(String name, FileUpload upload) {
    }

    private SentFiles() {
    }

    /**
     * @return the field's files, readable during this request; a field left empty gives none (a
     *         browser sends an empty name and no bytes for it)
     */
    public static List<SentFile> of(FileUploadField field) {
        List<SentFile> files = new ArrayList<>();
        Request request = field.getRequest();
        if (!(request instanceof IMultipartWebRequest multipart)) {
            return files;
        }
        List<FileItem> items = multipart.getFile(field.getInputName());
        if (items == null) {
            return files;
        }
        for (FileItem item : items) {
            String name = item.getName();
            boolean nothingChosen = (name == null || name.isEmpty()) && item.getSize() == 0;
            if (!nothingChosen) {
                files.add(new SentFile(name, new FileUpload(item)));
            }
        }
        return files;
    }
}
