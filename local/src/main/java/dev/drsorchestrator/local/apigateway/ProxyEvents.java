package dev.drsorchestrator.local.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the {@code APIGatewayProxyRequestEvent} JSON a REST API's Lambda proxy integration delivers: resource, path,
 * method, single- and multi-value headers and query parameters, path parameters, body, and a request context whose
 * {@code authorizer.claims} hold the token's claims as the Cognito authorizer passes them (every value a string;
 * groups comma-separated; times in the authorizer's date format).
 */
final class ProxyEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter CLAIM_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The parts of one HTTP request the event is made of. */
    record HttpRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, String body,
                       String sourceIp) {
    }

    private ProxyEvents() {
    }

    static byte[] build(HttpRequest request, ApiContract.Matched matched, Map<String, Object> claims,
            String requestId, String stage, String accountId, Instant now) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("resource", matched.route().resource());
        event.put("path", request.path());
        event.put("httpMethod", request.method());
        ObjectNode headers = MAPPER.createObjectNode();
        ObjectNode multiHeaders = MAPPER.createObjectNode();
        request.headers().forEach((name, values) -> {
            headers.put(name, values.get(values.size() - 1));
            ArrayNode all = multiHeaders.putArray(name);
            values.forEach(all::add);
        });
        event.set("headers", headers.isEmpty() ? null : headers);
        event.set("multiValueHeaders", multiHeaders.isEmpty() ? null : multiHeaders);
        Map<String, List<String>> query = query(request.rawQuery());
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            query.forEach((name, values) -> {
                single.put(name, values.get(values.size() - 1));
                ArrayNode all = multi.putArray(name);
                values.forEach(all::add);
            });
        }
        if (matched.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode path = event.putObject("pathParameters");
            matched.pathParameters().forEach(path::put);
        }
        event.putNull("stageVariables");
        event.set("requestContext", context(request, matched, claims, requestId, stage, accountId, now));
        if (request.body() == null || request.body().isEmpty()) {
            event.putNull("body");
        } else {
            event.put("body", request.body());
        }
        event.put("isBase64Encoded", false);
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode context(HttpRequest request, ApiContract.Matched matched, Map<String, Object> claims,
            String requestId, String stage, String accountId, Instant now) {
        ObjectNode context = MAPPER.createObjectNode();
        context.put("accountId", accountId);
        context.put("apiId", "local");
        context.put("resourceId", Integer.toHexString(matched.route().resource().hashCode()));
        context.put("resourcePath", matched.route().resource());
        context.put("httpMethod", request.method());
        context.put("path", "/" + stage + request.path());
        context.put("stage", stage);
        context.put("protocol", "HTTP/1.1");
        context.put("requestId", requestId);
        context.put("extendedRequestId", requestId);
        context.put("requestTime", REQUEST_TIME.format(now));
        context.put("requestTimeEpoch", now.toEpochMilli());
        context.put("domainName", "127.0.0.1");
        ObjectNode identity = context.putObject("identity");
        identity.put("sourceIp", request.sourceIp());
        List<String> agent = request.headers().get(headerName(request.headers(), "User-Agent"));
        identity.put("userAgent", agent == null || agent.isEmpty() ? null : agent.get(0));
        if (claims != null) {
            ObjectNode authorizerClaims = context.putObject("authorizer").putObject("claims");
            claims.forEach((name, value) -> authorizerClaims.put(name, claimText(name, value)));
        }
        return context;
    }

    /** A claim value as the Cognito authorizer renders it into the proxy event. */
    static String claimText(String name, Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof Date date) {
            return CLAIM_DATE.format(date.toInstant());
        }
        if (value instanceof Number number && (name.equals("auth_time"))) {
            return CLAIM_DATE.format(Instant.ofEpochSecond(number.longValue()));
        }
        return String.valueOf(value);
    }

    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
        }
        return out;
    }

    static String headerName(Map<String, List<String>> headers, String wanted) {
        return headers.keySet().stream().filter(n -> n.equalsIgnoreCase(wanted)).findFirst().orElse(wanted);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
