package dev.drsorchestrator.local.sim.drs;

import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.model.FleetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DRS error codes with the status codes and members DRS sends, so the SDK raises the typed exception. */
final class DrsErrors {
    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("ThrottlingException", 429), Map.entry("AccessDeniedException", 403),
            Map.entry("ValidationException", 400), Map.entry("ConflictException", 409),
            Map.entry("ServiceQuotaExceededException", 402), Map.entry("InternalServerException", 500),
            Map.entry("UninitializedAccountException", 400), Map.entry("ResourceNotFoundException", 404),
            Map.entry("UnrecognizedClientException", 403), Map.entry("SerializationException", 400),
            Map.entry("UnknownOperationException", 404));

    private DrsErrors() {
    }

    static AwsException of(String code, String message, Long retryAfterSeconds) {
        String effective = code == null ? "InternalServerException" : code;
        int status = STATUS.getOrDefault(effective, 400);
        String text = message != null ? message : defaultMessage(effective);
        Map<String, Object> fields = new LinkedHashMap<>();
        switch (effective) {
            case "ThrottlingException" -> {
                fields.put("serviceCode", "drs");
                fields.put("quotaCode", "L-RATE");
            }
            case "ValidationException" -> fields.put("reason", "other");
            case "AccessDeniedException", "UninitializedAccountException", "ConflictException",
                 "ResourceNotFoundException", "ServiceQuotaExceededException" -> fields.put("code", effective);
            default -> {
            }
        }
        Long retry = retryAfterSeconds;
        if (retry == null && ("ThrottlingException".equals(effective) || "InternalServerException".equals(effective))) {
            retry = 1L;
        }
        return new AwsException(effective, status, text, fields, retry);
    }

    static AwsException validation(String field, String message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reason", "fieldValidationFailed");
        fields.put("fieldList", List.of(Map.of("name", field, "message", message)));
        return new AwsException("ValidationException", 400, message, fields, null);
    }

    static AwsException fromFleet(FleetException e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (e.resourceId() != null) {
            fields.put("resourceId", e.resourceId());
        }
        if (e.resourceType() != null) {
            fields.put("resourceType", e.resourceType());
        }
        return switch (e.kind()) {
            case NOT_FOUND -> {
                fields.put("code", "ResourceNotFoundException");
                yield new AwsException("ResourceNotFoundException", 404, e.getMessage(), fields, null);
            }
            case CONFLICT -> {
                fields.put("code", "ConflictException");
                yield new AwsException("ConflictException", 409, e.getMessage(), fields, null);
            }
            case QUOTA -> {
                fields.put("code", "ServiceQuotaExceededException");
                fields.put("serviceCode", "drs");
                fields.put("quotaCode", e.quotaCode());
                yield new AwsException("ServiceQuotaExceededException", 402, e.getMessage(), fields, null);
            }
            case VALIDATION -> {
                fields.put("reason", "other");
                yield new AwsException("ValidationException", 400, e.getMessage(), fields, null);
            }
        };
    }

    private static String defaultMessage(String code) {
        return switch (code) {
            case "ThrottlingException" -> "Rate exceeded";
            case "AccessDeniedException" -> "User is not authorized to perform this action";
            case "InternalServerException" -> "An internal error occurred";
            case "UninitializedAccountException" -> "Account not initialized for Elastic Disaster Recovery";
            case "ServiceQuotaExceededException" -> "Service quota exceeded";
            case "ConflictException" -> "The request conflicts with the current state of the resource";
            case "ResourceNotFoundException" -> "Resource not found";
            default -> "The request failed: " + code;
        };
    }
}
