package dev.drsorchestrator.local.demo;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Moves the runtime's log lines (every handler's request log, warnings, metric lines) from the console to a file
 * while the demo runs, so the console shows the drill and its progress display, and the full log is still there to
 * read when a step fails.
 */
public final class DemoLogging {
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private DemoLogging() {
    }

    /**
     * Sends every log line to a new temporary file and returns it; empty when the logging backend is not logback
     * (then nothing changes).
     */
    public static Optional<Path> toTemporaryFile() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Files.createTempFile("drs-orchestrator-demo-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the demo's log file", e);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("DEMO_FILE");
        appender.setFile(file.toString());
        appender.setAppend(false);
        appender.setEncoder(encoder);
        appender.start();
        for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "EMF")) {
            Logger logger = context.getLogger(name);
            logger.detachAndStopAllAppenders();
            logger.addAppender(appender);
        }
        return Optional.of(file);
    }
}
