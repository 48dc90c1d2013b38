package dev.drsorchestrator.tests.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Invokes a stream handler the way the Lambda runtime does and parses what it wrote. */
public final class Invoke {
    private Invoke() {
    }

    /** Runs {@code handler} on {@code eventJson} with a {@link TestContext}; returns the parsed response. */
    public static JsonNode handler(RequestStreamHandler handler, String eventJson) {
        return handler(handler, eventJson, new TestContext(UUID.randomUUID().toString(), "test-function"));
    }

    /** Runs {@code handler} with a given context. */
    public static JsonNode handler(RequestStreamHandler handler, String eventJson, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
            return Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON body of an API Gateway response ({@code body} is a string). */
    public static JsonNode body(JsonNode apiResponse) {
        try {
            return Json.mapper().readTree(apiResponse.path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
