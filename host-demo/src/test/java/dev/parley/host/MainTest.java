package dev.parley.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Start-up problems end with a clear message and a distinct exit code instead of a stack trace. */
class MainTest {

    @Test
    void aTakenHttpPortExitsWithCode3() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(3, Main.run(new String[] {"--port=" + taken.getLocalPort(), "--bind=127.0.0.1"}));
        }
    }

    @Test
    void anUnreachableDatabaseExitsWithCode2() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        String data = Files.createTempDirectory("parley-main-test").toString();
        assertEquals(2, Main.run(new String[] {"--port=" + free, "--db.url=jdbc:mariadb://127.0.0.1:1/",
            "--data.dir=" + data, "--plugins.dir=" + data}));
    }

    @Test
    void malformedArgumentsExitWithCode4() {
        assertEquals(4, Main.run(new String[] {"port=8080"}));
    }
}
