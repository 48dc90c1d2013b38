package dev.drsorchestrator.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.drsorchestrator.shared.config.Env;

/**
 * Configures logback in code (found through {@code META-INF/services}), because parsing an XML configuration costs a
 * Lambda cold start a few hundred milliseconds of XML parser and Joran class loading. The setup: every logger writes
 * through {@link LogEncoder} (JSON lines in Lambda), the {@code EMF} logger writes bare CloudWatch embedded-metric
 * objects, the AWS SDKs log from WARN, and {@code LOG_LEVEL} (default INFO) sets the root level. A
 * {@code logback-test.xml} on the classpath or a {@code logback.configurationFile} property still wins, so tests
 * can configure logging as usual.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    /** The logger whose lines are CloudWatch embedded-metric-format objects, printed as they are. */
    public static final String EMF_LOGGER = "EMF";

    /** Public no-arg constructor: logback instantiates configurators through the ServiceLoader. */
    public LogConfigurator() {
        super();
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Env env = Env.fromSystem();
        LogEncoder encoder = new LogEncoder();
        encoder.setContext(context);
        encoder.start(LogEncoder.jsonLines(env));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(env.optional("LOG_LEVEL").orElse("INFO"), Level.INFO));
        root.addAppender(console(context, "CONSOLE", encoder));

        PatternLayoutEncoder bare = new PatternLayoutEncoder();
        bare.setContext(context);
        bare.setPattern("%msg%n");
        bare.start();
        Logger emf = context.getLogger(EMF_LOGGER);
        emf.setLevel(Level.INFO);
        emf.setAdditive(false);
        emf.addAppender(console(context, EMF_LOGGER, bare));

        context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
        context.getLogger("com.amazonaws").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String name,
                                                         Encoder<ILoggingEvent> encoder) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
