package dev.drsorchestrator.shared.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The only reader of environment variables. Everything configurable (table names, region, endpoint overrides, static
 * credentials for local runs, feature flags, CORS origin, role patterns) goes through here, so tests and the local
 * runtime configure a handler by passing a map instead of mutating the process environment.
 */
public final class Env {
    private final Map<String, String> values;

    private Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment; called once by each handler's public constructor. */
    public static Env fromSystem() {
        return new Env(System.getenv());
    }

    /** An environment built from a map, for tests and the local runtime. */
    public static Env of(Map<String, String> values) {
        return new Env(values);
    }

    /** This environment with one variable set (or replaced); the local runtime adds what it creates at start. */
    public Env with(String name, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name, value);
        return new Env(copy);
    }

    /** A value, absent when unset or blank. */
    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A value that must be present. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> new MissingConfigurationException(
                "Environment variable " + name + " is required"));
    }

    /** The physical name of a table. */
    public String tableName(Table table) {
        return required(table.envVariable());
    }

    /** The region the function runs in: AWS_REGION, then AWS_DEFAULT_REGION, else us-east-1. */
    public String region() {
        return optional("AWS_REGION").or(() -> optional("AWS_DEFAULT_REGION")).orElse("us-east-1");
    }

    /**
     * The endpoint override for one service: {@code AWS_ENDPOINT_URL_<SERVICE>} (service id upper-cased, '-' as '_'),
     * then {@code AWS_ENDPOINT_URL}; absent in AWS, where the SDK resolves real endpoints.
     */
    public Optional<URI> endpointOverride(String serviceId) {
        String key = "AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT).replace('-', '_');
        return optional(key).or(() -> optional("AWS_ENDPOINT_URL")).map(value -> uri(key, value));
    }

    /** Static credentials from the standard variables, when set (Lambda sets them; so do local runs). */
    public Optional<StaticCredentials> staticCredentials() {
        Optional<String> keyId = optional("AWS_ACCESS_KEY_ID");
        Optional<String> secret = optional("AWS_SECRET_ACCESS_KEY");
        if (keyId.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StaticCredentials(keyId.get(), secret.get(), optional("AWS_SESSION_TOKEN").orElse(null)));
    }

    /** A boolean feature flag: true, false, 1, 0, yes, no (case-insensitive). */
    public boolean flag(String name, boolean defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> {
                return true;
            }
            case "false", "0", "no", "off" -> {
                return false;
            }
            default -> throw new MissingConfigurationException(
                    "Environment variable " + name + " must be true or false");
        }
    }

    /** A positive integer setting. */
    public int positiveInt(String name, int defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new MissingConfigurationException("Environment variable " + name + " must be a positive integer");
    }

    /**
     * A list setting: a JSON-free list separated by whitespace or newlines (regular expressions may contain commas,
     * never whitespace).
     */
    public List<String> list(String name) {
        List<String> items = new ArrayList<>();
        optional(name).ifPresent(value -> {
            for (String item : value.split("\\s+")) {
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
        });
        return List.copyOf(items);
    }

    /** The deployment environment name (dev, test, prod), recorded in audit records. */
    public String environmentName() {
        return optional("ENVIRONMENT").orElse("local");
    }

    /** The Lambda function name, or "local" outside Lambda. */
    public String functionName() {
        return optional("AWS_LAMBDA_FUNCTION_NAME").orElse("local");
    }

    /** The Lambda function version, or "$LATEST". */
    public String functionVersion() {
        return optional("AWS_LAMBDA_FUNCTION_VERSION").orElse("$LATEST");
    }

    /** True inside the Lambda runtime. */
    public boolean runningInLambda() {
        return optional("AWS_LAMBDA_FUNCTION_NAME").isPresent();
    }

    private static URI uri(String key, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new MissingConfigurationException("Environment variable " + key + " must be an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new MissingConfigurationException("Environment variable " + key + " must be an absolute URL");
        }
    }

    /** Static AWS credentials as the standard environment variables carry them. */
    public record StaticCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        @Override
        public String toString() {
            return "StaticCredentials[accessKeyId=" + accessKeyId + ", secret=***]";
        }
    }
}
