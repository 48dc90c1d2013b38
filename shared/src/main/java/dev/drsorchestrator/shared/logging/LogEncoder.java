package dev.drsorchestrator.shared.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.drsorchestrator.shared.config.Env;

/**
 * The encoder of {@link LogConfigurator}: one JSON object per line inside Lambda (CloudWatch Logs Insights reads the MDC
 * request id and operation as fields), readable pattern lines elsewhere. {@code LOG_FORMAT=json|text} overrides.
 * Choosing in code keeps Janino out of the Lambda artifacts.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%X{requestId:-}] [%X{operation:-}] %logger{36} - %msg%n";

    private Encoder<ILoggingEvent> delegate;

    /** True when log lines should be JSON: inside Lambda unless {@code LOG_FORMAT=text}, or {@code LOG_FORMAT=json}. */
    static boolean jsonLines(Env env) {
        String explicit = env.optional("LOG_FORMAT").orElse("");
        if ("json".equalsIgnoreCase(explicit)) {
            return true;
        }
        if ("text".equalsIgnoreCase(explicit)) {
            return false;
        }
        return env.runningInLambda();
    }

    @Override
    public void start() {
        start(jsonLines(Env.fromSystem()));
    }

    void start(boolean json) {
        if (json) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.setWithContext(false);
            encoder.setWithArguments(false);
            encoder.setWithMessage(false);
            encoder.setWithFormattedMessage(true);
            delegate = encoder;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setPattern(TEXT_PATTERN);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
