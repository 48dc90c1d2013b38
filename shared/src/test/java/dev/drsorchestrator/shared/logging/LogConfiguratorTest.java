package dev.drsorchestrator.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogConfiguratorTest {

    @Test
    void configure_shouldSetUpConsoleEmfAndSdkLevels_whenNoTestConfigurationIsPresent() {
        // GIVEN a fresh logger context
        LoggerContext context = new LoggerContext();
        LogConfigurator configurator = new LogConfigurator();
        configurator.setContext(context);

        // WHEN the configurator runs
        Configurator.ExecutionStatus status = configurator.configure(context);

        // THEN it is the whole configuration: root to the console, EMF bare and alone, the SDKs from WARN
        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("CONSOLE")).isNotNull();
        assertThat(root.getAppender("CONSOLE").isStarted()).isTrue();
        Logger emf = context.getLogger(LogConfigurator.EMF_LOGGER);
        assertThat(emf.isAdditive()).isFalse();
        assertThat(emf.getAppender(LogConfigurator.EMF_LOGGER)).isNotNull();
        assertThat(context.getLogger("software.amazon.awssdk").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.amazonaws").getLevel()).isEqualTo(Level.WARN);
        context.stop();
    }

    @Test
    void serviceFile_shouldNameTheConfigurator_whenLogbackLooksForOne() throws IOException {
        // GIVEN the ServiceLoader file logback reads
        try (InputStream in = LogConfigurator.class.getClassLoader()
                .getResourceAsStream("META-INF/services/ch.qos.logback.classic.spi.Configurator")) {
            // WHEN it is read
            assertThat(in).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();

            // THEN it names this configurator
            assertThat(text).isEqualTo(LogConfigurator.class.getName());
        }
    }
}
