package dev.parley.host.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged host ({@code java -jar parley-host.jar}) as a separate operating-system process, the
 * way an operator runs it, so it can be killed with SIGKILL: no shutdown hook, no rollback by the
 * application, open connections dropped by the kernel. Each start writes its output to its own log
 * file. The process is killed when the test JVM ends, so a failed test leaves no JVM behind.
 */
final class HostProcess implements AutoCloseable {

    /** Exit status of a process ended by SIGKILL (128 + 9). */
    static final int KILLED = 137;

    private final Process process;
    private final Path log;
    private final int port;
    private final Thread reaper;

    private HostProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.reaper = new Thread(process::destroyForcibly, "kill-host-" + process.pid());
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts the host JAR on a free port with the given settings ({@code --key=value}). It does not wait:
     * the host resumes interrupted work before its web server is up.
     */
    static HostProcess start(Path hostJar, Path workDir, Path log, Map<String, String> settings) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", hostJar.toString(), "--port=" + port, "--bind=127.0.0.1"));
        settings.forEach((k, v) -> command.add("--" + k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // Only the settings above: no PARLEY_* variables of the machine running the tests.
        pb.environment().keySet().removeIf(k -> k.startsWith("PARLEY_"));
        return new HostProcess(pb.start(), log, port);
    }

    /** Waits until the host answers HTTP (its login page). */
    void awaitListening(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The host exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            try {
                if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() < 400) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The host did not answer on port " + port + " within " + timeout + ":\n" + logTail());
    }

    /** Sends SIGKILL and waits for the process to end; returns its exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        int status = process.waitFor();
        Runtime.getRuntime().removeShutdownHook(reaper);
        return status;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** @return the end of this start's output, for failure messages */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops a host still running at the end of a test (the normal way, then forcibly). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
