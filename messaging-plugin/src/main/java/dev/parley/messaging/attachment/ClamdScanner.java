package dev.parley.messaging.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * ClamAV's daemon over TCP: {@code zINSTREAM}, the content in length-prefixed chunks, a zero-length
 * chunk, then the verdict {@code stream: OK} or {@code stream: <name> FOUND}. Any other answer
 * (size limit exceeded, errors) gives no verdict and so refuses the file.
 */
public final class ClamdScanner implements VirusScanner {

    private static final int CHUNK = 64 * 1024;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    public ClamdScanner(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public String scan(InputStream content) throws IOException {
        String reply;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            int n;
            try {
                while ((n = content.read(buffer)) > 0) {
                    out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
                    out.write(buffer, 0, n);
                }
                out.write(new byte[4]);
                out.flush();
            } catch (IOException e) {
                // clamd closes the stream when it exceeds StreamMaxLength; its answer says so
            }
            reply = readReply(socket.getInputStream());
        } catch (IOException e) {
            throw new ScannerUnavailableException("ClamAV at " + host + ":" + port + " is unreachable: "
                    + e.getMessage(), e);
        }
        if (reply.endsWith("OK") && !reply.contains("FOUND")) {
            return null;
        }
        if (reply.endsWith(" FOUND")) {
            String name = reply.substring(reply.indexOf(':') + 1, reply.length() - " FOUND".length()).strip();
            return name.isEmpty() ? "unknown" : name;
        }
        throw new ScannerUnavailableException("ClamAV gave no verdict: " + reply, null);
    }

    /** @return whether clamd answers {@code PONG} */
    public boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            return "PONG".equals(readReply(socket.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    private static String readReply(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(4096);
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == '\n')) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII).strip();
    }

    @Override
    public String toString() {
        return "ClamAV " + host + ":" + port;
    }
}
