package dev.drsorchestrator.shared.invocation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.security.Principal;
import java.util.Map;

/**
 * One normalized request, whichever way it arrived. API calls fill method, resource, path and path parameters;
 * direct calls fill the operation name. Both carry query parameters and a body ({@code null} when there is none).
 *
 * @param mode            how the handler was reached
 * @param operationName   the direct operation name ({@code operation} or {@code action}); null in API mode
 * @param httpMethod      the HTTP method in API mode
 * @param resource        the API Gateway resource template, e.g. {@code /protection-groups/{id}}, in API mode
 * @param path            the concrete request path in API mode
 * @param pathParameters  path parameters (API mode)
 * @param queryParameters query-string parameters (API) or the {@code queryParams} object (direct)
 * @param body            the parsed JSON body (API) or the {@code body} object / top-level fields (direct)
 * @param principal       the caller
 * @param sourceIp        the caller's IP address in API mode
 */
public record Invocation(
        InvocationMode mode,
        String operationName,
        String httpMethod,
        String resource,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        JsonNode body,
        Principal principal,
        String sourceIp) {

    public Invocation {
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
    }

    /** A short name for logs and audit records before an operation is resolved. */
    public String describe() {
        return mode == InvocationMode.API_GATEWAY ? httpMethod + " " + (resource != null ? resource : path) : operationName;
    }
}
