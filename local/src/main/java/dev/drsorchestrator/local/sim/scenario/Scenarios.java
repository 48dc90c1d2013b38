package dev.drsorchestrator.local.sim.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads scenarios from JSON or YAML files, and the demo scenario shipped on the classpath. */
public final class Scenarios {
    /** The classpath resource of the demo scenario. */
    public static final String DEMO_RESOURCE = "/scenarios/demo.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Scenarios() {
    }

    /** The demo scenario: 3 accounts (hub, two targets, one staging), 4 regions, about 60 servers. */
    public static Scenario demo() {
        try (InputStream in = Scenarios.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_RESOURCE + " is missing from the classpath");
            }
            return JSON.readValue(in, Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEMO_RESOURCE, e);
        }
    }

    /** Reads a scenario file; {@code .yaml}/{@code .yml} as YAML, anything else as JSON. */
    public static Scenario read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
        return mapper.readValue(Files.readAllBytes(file), Scenario.class);
    }

    /** Parses a JSON scenario (the control endpoint's body). */
    public static Scenario parseJson(byte[] json) throws IOException {
        return JSON.readValue(json, Scenario.class);
    }

    /** Writes a scenario as indented JSON (the generator's output). */
    public static String toJson(Scenario scenario) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(scenario);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scenario", e);
        }
    }
}
