package dev.parley.host.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What a logger (plugin loggers included: plugins log through the host's SLF4J and logback) writes
 * at WARN and above while a test runs. Tests look for lines naming their own data, so other tests
 * logging at the same time do not disturb them.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLog(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.setName("captured-" + System.identityHashCode(this));
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts capturing a logger and the loggers below it (e.g. a package name). */
    public static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    /** @return the formatted warnings and errors logged so far */
    public List<String> warnings() {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** @return whether a warning or error containing all the texts was logged */
    public boolean warned(String... texts) {
        return warnings().stream().anyMatch(line -> java.util.Arrays.stream(texts).allMatch(line::contains));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
