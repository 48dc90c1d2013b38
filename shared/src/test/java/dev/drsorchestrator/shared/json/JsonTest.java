package dev.drsorchestrator.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Sample(String groupId, Instant createdAt) {
    }

    @Test
    void write_shouldUseIsoInstantsAndCamelCase_whenSerializing() {
        String json = Json.write(new Sample("pg-1", Instant.parse("2025-02-17T10:30:45.123Z")));
        assertThat(json).isEqualTo("{\"groupId\":\"pg-1\",\"createdAt\":\"2025-02-17T10:30:45.123Z\"}");
    }

    @Test
    void readValue_shouldIgnoreUnknownProperties_whenPayloadGrows() throws Exception {
        Sample sample = Json.mapper().readValue(
                "{\"groupId\":\"pg-1\",\"createdAt\":\"2025-02-17T10:30:45Z\",\"newField\":1}", Sample.class);
        assertThat(sample.groupId()).isEqualTo("pg-1");
        assertThat(sample.createdAt()).isEqualTo(Instant.parse("2025-02-17T10:30:45Z"));
    }
}
