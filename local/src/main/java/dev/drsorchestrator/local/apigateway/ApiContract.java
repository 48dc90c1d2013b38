package dev.drsorchestrator.local.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routes of {@code cfn/openapi.yaml}, the one wire contract, as API Gateway would deploy them: every method with
 * an {@code x-handler} becomes a proxy route to that handler; the OPTIONS mock methods become preflight answers.
 */
public final class ApiContract {
    /** Where the contract sits on the classpath (the local module copies {@code cfn/} there). */
    public static final String CLASSPATH_RESOURCE = "cfn/openapi.yaml";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head");

    private final List<ApiRoute> routes;
    private final Map<String, String> preflightMethods;

    ApiContract(List<ApiRoute> routes, Map<String, String> preflightMethods) {
        this.routes = List.copyOf(routes);
        this.preflightMethods = Map.copyOf(preflightMethods);
    }

    /** Reads the contract from the classpath. */
    public static ApiContract fromClasspath() {
        ClassLoader loader = ApiContract.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the classpath");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_RESOURCE, e);
        }
    }

    /** Builds the routes of a parsed OpenAPI document. */
    public static ApiContract parse(JsonNode document) {
        boolean securedByDefault = document.path("security").isArray() && !document.path("security").isEmpty();
        List<ApiRoute> routes = new ArrayList<>();
        Map<String, String> preflight = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Set<String> methods = new LinkedHashSet<>();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toLowerCase(Locale.ROOT);
                JsonNode spec = operation.getValue();
                if ("options".equals(method)) {
                    preflight.put(path.getKey(), allowedMethods(spec));
                } else if (METHODS.contains(method) && spec.path("x-handler").isTextual()) {
                    JsonNode security = spec.get("security");
                    boolean authorized = security == null ? securedByDefault : !security.isEmpty();
                    routes.add(new ApiRoute(method, path.getKey(), spec.path("x-handler").asText(),
                            spec.path("operationId").asText(null), authorized));
                    methods.add(method.toUpperCase(Locale.ROOT));
                }
            }
            if (preflight.containsKey(path.getKey()) && preflight.get(path.getKey()) == null) {
                methods.add("OPTIONS");
                preflight.put(path.getKey(), String.join(",", methods));
            }
        }
        return new ApiContract(routes, preflight);
    }

    /** Every proxy route, in document order. */
    public List<ApiRoute> routes() {
        return routes;
    }

    /** The route a request reaches, with its path parameters; empty for a method or path the API lacks. */
    public Optional<Matched> match(String method, String rawPath) {
        List<String> segments = segments(rawPath);
        return routes.stream()
                .filter(route -> route.method().equalsIgnoreCase(method))
                .map(route -> route.match(segments).map(parameters -> new Matched(route, parameters)))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt(m -> m.route().literalSegments()));
    }

    /**
     * The resource template {@code rawPath} belongs to and its preflight's {@code Access-Control-Allow-Methods}, when
     * the contract declares an OPTIONS method there.
     */
    public Optional<Preflight> preflight(String rawPath) {
        List<String> segments = segments(rawPath);
        return preflightMethods.entrySet().stream()
                .filter(e -> new ApiRoute("OPTIONS", e.getKey(), "", null, false).match(segments).isPresent())
                .max(Comparator.comparingInt(e -> new ApiRoute("OPTIONS", e.getKey(), "", null, false)
                        .literalSegments()))
                .map(e -> new Preflight(e.getKey(), e.getValue()));
    }

    /** A matched route and the decoded path parameters. */
    public record Matched(ApiRoute route, Map<String, String> pathParameters) {
    }

    /** A resource's preflight answer. */
    public record Preflight(String resource, String allowMethods) {
    }

    static List<String> segments(String path) {
        // Inner empty segments ("//") are kept so they match no template; a trailing slash is ignored.
        List<String> out = new ArrayList<>();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return out;
        }
        for (String part : trimmed.split("/")) {
            out.add(decode(part));
        }
        return out;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return part;
        }
    }

    private static String allowedMethods(JsonNode options) {
        JsonNode parameters = options.path("x-amazon-apigateway-integration").path("responses").path("default")
                .path("responseParameters").path("method.response.header.Access-Control-Allow-Methods");
        if (!parameters.isTextual()) {
            return null;
        }
        String value = parameters.asText().trim();
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
    }
}
