package dev.drsorchestrator.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogEncoderTest {
    private final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();

    @AfterEach
    void tearDown() {
        LogContext.end();
    }

    private String encode(boolean json) {
        LogEncoder encoder = new LogEncoder();
        encoder.setContext(context);
        encoder.start(json);
        LogContext.begin("req-77");
        LogContext.operation("get_user_permissions");
        Logger logger = context.getLogger("dev.drsorchestrator.Test");
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, "Handled {} with status {}", null,
                new Object[] {"get_user_permissions", 200});
        event.prepareForDeferredProcessing();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void encode_shouldWriteOneJsonObjectWithMdc_whenJsonLines() throws Exception {
        String line = encode(true);
        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = Json.mapper().readTree(line);
        assertThat(json.get("formattedMessage").asText()).isEqualTo("Handled get_user_permissions with status 200");
        assertThat(json.get("mdc").get("requestId").asText()).isEqualTo("req-77");
        assertThat(json.get("mdc").get("operation").asText()).isEqualTo("get_user_permissions");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
    }

    @Test
    void encode_shouldWriteReadableLine_whenText() {
        assertThat(encode(false)).contains("INFO", "[req-77] [get_user_permissions]",
                "Handled get_user_permissions with status 200");
    }

    @Test
    void jsonLines_shouldFollowLambdaAndOverride_whenConfigured() {
        assertThat(LogEncoder.jsonLines(Env.of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "q")))).isTrue();
        assertThat(LogEncoder.jsonLines(Env.of(Map.of()))).isFalse();
        assertThat(LogEncoder.jsonLines(Env.of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "q", "LOG_FORMAT", "text")))).isFalse();
        assertThat(LogEncoder.jsonLines(Env.of(Map.of("LOG_FORMAT", "JSON")))).isTrue();
    }
}
