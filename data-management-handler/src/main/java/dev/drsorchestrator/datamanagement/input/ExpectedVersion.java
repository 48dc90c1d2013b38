package dev.drsorchestrator.datamanagement.input;

import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.OperationRequest;
import java.util.Optional;

/**
 * The version a client read, for optimistic locking: {@code version} in the body, or the {@code version} query
 * parameter on a DELETE (which has no body). When absent, the operation locks on the version it has just read, so a
 * write between that read and the write is still a 409.
 */
public final class ExpectedVersion {
    private ExpectedVersion() {
    }

    /** The expected version the request carries, if any. */
    public static Optional<Long> of(OperationRequest request) {
        Optional<String> query = request.queryParameter("version");
        if (query.isPresent()) {
            try {
                long value = Long.parseLong(query.get().trim());
                if (value >= 1) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException notANumber) {
                // reported below with the rule
            }
            throw new ValidationException("Field 'version' must be a positive integer (the version you read)");
        }
        com.fasterxml.jackson.databind.JsonNode version = request.bodyObject().get("version");
        if (version == null || version.isNull()) {
            return Optional.empty();
        }
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 1) {
            throw new ValidationException("Field 'version' must be a positive integer (the version you read)");
        }
        return Optional.of(version.longValue());
    }

    /** The version to lock on: the client's when given, otherwise {@code current}. */
    public static long resolve(OperationRequest request, Long current) {
        return of(request).orElse(current == null ? 0L : current);
    }
}
