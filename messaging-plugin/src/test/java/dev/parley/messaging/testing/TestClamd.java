package dev.parley.messaging.testing;

import dev.parley.messaging.attachment.ClamdScanner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A real ClamAV daemon for the test JVM, started once with a database of one test signature that
 * detects the EICAR test file anywhere in a file. Needs {@code clamd} ({@code apt-get install -y
 * clamav-daemon}); the official signature database is not needed.
 */
public final class TestClamd {

    /** The EICAR anti-virus test string, assembled so this source file itself is not flagged. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private static volatile TestClamd instance;

    private final int port;

    private TestClamd(int port) {
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** @return the daemon, started on first use */
    public static TestClamd get() {
        TestClamd c = instance;
        if (c == null) {
            synchronized (TestClamd.class) {
                c = instance;
                if (c == null) {
                    c = start();
                    instance = c;
                }
            }
        }
        return c;
    }

    private static TestClamd start() {
        File clamd = new File("/usr/sbin/clamd");
        if (!clamd.canExecute()) {
            throw new IllegalStateException("Attachment tests need ClamAV's daemon: install it with "
                    + "'apt-get install -y clamav-daemon' (no signature download is needed).");
        }
        try {
            Path dir = Files.createTempDirectory("parley-clamd");
            Path db = Files.createDirectories(dir.resolve("db"));
            String hex = HexFormat.of().formatHex(EICAR.getBytes(StandardCharsets.US_ASCII));
            Files.writeString(db.resolve("parley-test.ndb"), "Parley.Test.EICAR:0:*:" + hex + "\n");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path conf = dir.resolve("clamd.conf");
            Files.writeString(conf, String.join("\n", "Foreground yes", "DatabaseDirectory " + db, "TCPSocket " + port,
                    "TCPAddr 127.0.0.1", "LogFile " + dir.resolve("clamd.log"), "PidFile " + dir.resolve("clamd.pid"),
                    "StreamMaxLength 40M", "MaxThreads 4", "") );
            Process p = new ProcessBuilder(clamd.getPath(), "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("clamd.out").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            ClamdScanner probe = new ClamdScanner("127.0.0.1", port, 1000);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!probe.ping()) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroy();
                    throw new IllegalStateException("clamd did not start: " + Files.readString(dir.resolve("clamd.out")));
                }
                Thread.sleep(50);
            }
            return new TestClamd(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
