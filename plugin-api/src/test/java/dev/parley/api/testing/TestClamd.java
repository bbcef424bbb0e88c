package dev.parley.api.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A real ClamAV daemon for tests that scan uploads (the messaging plugin's and the host's): started
 * once per test JVM on a free local port, with a database of one signature that detects the EICAR
 * test file anywhere in a file. Needs {@code clamd} ({@code apt-get install -y clamav-daemon}); the
 * official signature database is not needed.
 */
public final class TestClamd {

    /** The EICAR anti-virus test string, assembled so this source file itself is not flagged. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private static TestClamd instance;

    private final int port;

    private TestClamd(int port) {
        this.port = port;
    }

    /** @return the address the daemon listens on */
    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** @return the daemon, started on first use */
    public static synchronized TestClamd get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestClamd start() {
        File clamd = new File("/usr/sbin/clamd");
        if (!clamd.canExecute()) {
            throw new IllegalStateException("Tests that scan uploads need ClamAV's daemon: install it with "
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
                    "StreamMaxLength 40M", "MaxThreads 4", ""));
            Process p = new ProcessBuilder(clamd.getPath(), "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("clamd.out").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!ping(port)) {
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

    private static boolean ping(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).startsWith("PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
