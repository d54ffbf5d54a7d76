package org.yuqing.gateway;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures what chosen loggers write (at DEBUG and above while capturing), for tests that read the audit lines or
 * check that no secret reaches any log.
 */
public final class CapturedLogs implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs(String... names) {
        appender.start();
        for (String name : names) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            loggers.add(logger);
            levels.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.addAppender(appender);
        }
    }

    /**
     * Starts capturing.
     *
     * @param names logger names, e.g. {@code yuqing.audit}
     * @return the capture, to close after the test
     */
    public static CapturedLogs of(String... names) {
        return new CapturedLogs(names);
    }

    /**
     * The formatted messages so far, of the given logger only.
     *
     * @param name a logger name
     * @return its lines
     */
    public List<String> lines(String name) {
        return events().stream().filter(event -> event.getLoggerName().equals(name))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * Everything captured, each event as its formatted message, arguments, key-value pairs and exception text.
     *
     * @return the texts
     */
    public List<String> everything() {
        return events().stream().map(event -> event.getFormattedMessage() + " " + event.getKeyValuePairs() + " "
                + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage())).toList();
    }

    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setLevel(levels.get(i));
        }
        appender.stop();
    }
}
