package dev.parley.messaging.attachment;

import dev.parley.api.upload.UploadName;
import dev.parley.messaging.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks offered files (count, size, type by content, virus scan) and keeps accepted ones on disk
 * under their SHA-256, in the plugin's data directory. Checking happens entirely before anything is
 * stored, so a refused message leaves nothing behind.
 */
public final class AttachmentStore {

    /** Most files one message may carry. */
    public static final int MAX_FILES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentStore.class);

    private final Path root;
    private final Path staging;
    private final long maxBytes;
    private final VirusScanner scanner;

    public AttachmentStore(Path root, long maxBytes, VirusScanner scanner) {
        this.root = root;
        this.staging = root.resolve("staging");
        this.maxBytes = maxBytes;
        this.scanner = scanner;
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Copies the files to a staging area and checks each one.
     *
     * @return the checked files, to {@link Checked#store()} with the message and {@link Checked#close()} after
     * @throws MessagingException naming the first file refused and why; nothing is kept then
     */
    public Checked check(List<IncomingFile> files) {
        if (files.size() > MAX_FILES) {
            throw new MessagingException("error.tooManyFiles", Map.of("max", MAX_FILES));
        }
        // Every name first: a refused name stops the message before any file is read or staged.
        files.forEach(f -> requirePlainName(f.name()));
        Checked checked = new Checked();
        try {
            for (IncomingFile f : files) {
                checked.files.add(checkOne(f));
            }
            return checked;
        } catch (RuntimeException e) {
            checked.close();
            throw e;
        }
    }

    private CheckedFile checkOne(IncomingFile f) {
        String shownName = displayName(f.name());
        Path tmp;
        String sha;
        long size;
        try {
            tmp = Files.createTempFile(staging, "in-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageDigest digest = sha256();
            try (InputStream in = f.content().open();
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                byte[] buffer = new byte[64 * 1024];
                size = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new MessagingException("error.fileTooLarge", Map.of("name", shownName,
                                "maxMb", maxBytes / (1024 * 1024)));
                    }
                    out.write(buffer, 0, n);
                }
            }
            sha = HexFormat.of().formatHex(digest.digest());
            if (size == 0) {
                throw new MessagingException("error.fileEmpty", Map.of("name", shownName));
            }
            FileType type = FileType.detect(tmp).orElseThrow(
                    () -> new MessagingException("error.fileType", Map.of("name", shownName)));
            if (FileType.isPolyglot(tmp, type)) {
                LOG.warn("Attachment {} ({} bytes, sha256 {}) refused: a {} that is also an archive or a web page",
                        shownName, size, sha, type);
                throw new MessagingException("error.filePolyglot", Map.of("name", shownName,
                        "type", type.extension().toUpperCase(Locale.ROOT)));
            }
            String threat;
            try (InputStream in = Files.newInputStream(tmp)) {
                threat = scanner.scan(in);
            } catch (VirusScanner.ScannerUnavailableException e) {
                LOG.warn("Attachment {} refused: {}", shownName, e.getMessage());
                throw new MessagingException("error.scannerUnavailable", Map.of("name", shownName), e);
            }
            if (threat != null) {
                LOG.warn("Attachment {} ({} bytes, sha256 {}) refused: {} found", shownName, size, sha, threat);
                throw new MessagingException("error.fileInfected", Map.of("name", shownName, "threat", threat));
            }
            return new CheckedFile(tmp, fileName(shownName, type), type, size, sha);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new MessagingException("error.fileUnreadable", Map.of("name", shownName), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /**
     * Refuses a name that is not a plain file name (see {@link UploadName}): a path such as
     * {@code ../../etc/passwd.pdf} or {@code C:\temp\x.csv}, control characters, or nothing.
     *
     * @throws MessagingException naming the file as sent (made safe to show)
     */
    public static void requirePlainName(String name) {
        UploadName.problem(name).ifPresent(problem -> {
            LOG.warn("Attachment refused: its name \"{}\" is {}", UploadName.shown(name), problem);
            throw new MessagingException(switch (problem) {
                case MISSING -> "error.fileNameMissing";
                case PATH -> "error.fileNamePath";
                case CONTROL -> "error.fileNameControl";
            }, Map.of("name", UploadName.shown(name)));
        });
    }

    /** @return the stored file of an attachment */
    public Optional<Path> file(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path p = pathOf(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private Path pathOf(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha);
    }

    /**
     * A sender's (already checked) file name without control characters, direction controls (which would show
     * "invoice\u202Efdp.exe" as "invoiceexe.pdf") or quotes, at most 150 characters.
     */
    static String displayName(String name) {
        String n = name == null ? "" : name;
        // Paths are refused before this; cutting them again keeps a stored name a plain name regardless.
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}\"<>|:*?\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]", "_").strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.length() > 150) {
            n = n.substring(n.length() - 150);
        }
        return n.isEmpty() ? "attachment" : n;
    }

    /** The shown name, with the extension of the detected type added when the name claims another. */
    static String fileName(String shownName, FileType type) {
        String lower = shownName.toLowerCase(Locale.ROOT);
        boolean matches = lower.endsWith("." + type.extension()) || (type == FileType.JPEG && lower.endsWith(".jpeg"));
        return matches ? shownName : shownName + "." + type.extension();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}", p, e);
        }
    }

    /**
     * A checked file in the staging area.
     *
     * @param fileName the name to show and download under
     */
    public record CheckedFile(Path staged, String fileName, FileType type, long size, String sha256) {
    }

    /** Files that passed every check; closing removes what was staged and, unless kept, what was stored. */
    public final class Checked implements AutoCloseable {

        private final List<CheckedFile> files = new ArrayList<>();
        private final List<Path> created = new ArrayList<>();
        private boolean kept;

        public List<CheckedFile> files() {
            return files;
        }

        /** Moves the files into the store (files already there are shared). */
        public void store() {
            for (CheckedFile f : files) {
                Path target = pathOf(f.sha256());
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    Files.createDirectories(target.getParent());
                    try {
                        Files.move(f.staged(), target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(f.staged(), target);
                    }
                    created.add(target);
                } catch (FileAlreadyExistsException e) {
                    // stored meanwhile by another message with the same content
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /** The message was committed: keep the stored files. */
        public void keep() {
            kept = true;
        }

        @Override
        public void close() {
            files.forEach(f -> deleteQuietly(f.staged()));
            if (!kept) {
                created.forEach(AttachmentStore::deleteQuietly);
            }
        }
    }
}
