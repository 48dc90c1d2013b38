package dev.drsorchestrator.shared.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One audit record: who called which operation, how, with which (masked) parameters, and how it ended. The schema is
 * seed 000's in camelCase; one record is written per invocation, allowed, denied or failed.
 *
 * @param auditId        unique id (the table key)
 * @param timestamp      when the invocation started
 * @param operation      the operation's wire name, or the unresolved route/name when none matched
 * @param invocationMode API_GATEWAY or DIRECT_LAMBDA
 * @param principalType  CognitoUser, AssumedRole, User, Service or Unknown
 * @param principalArn   the principal ARN (role ARN for assumed roles)
 * @param userEmail      the Cognito user's email
 * @param cognitoGroups  the Cognito user's groups
 * @param sessionName    the assumed-role session name
 * @param accountId      the principal's account
 * @param sourceAccount  the hub account the function runs in
 * @param targetAccount  the target account the operation acted on, if it set one
 * @param parameters     masked request parameters
 * @param requestId      the Lambda request id
 * @param statusCode     the HTTP-style outcome
 * @param responseSize   bytes of the response body
 * @param durationMs     wall time of the invocation
 * @param errorType      the error code on failure
 * @param errorMessage   the client-safe error message on failure
 * @param lambdaFunction function name
 * @param lambdaVersion  function version
 * @param environment    deployment environment
 * @param expiresAt      TTL epoch seconds
 */
public record AuditRecord(
        String auditId,
        Instant timestamp,
        String operation,
        String invocationMode,
        String principalType,
        String principalArn,
        String userEmail,
        List<String> cognitoGroups,
        String sessionName,
        String accountId,
        String sourceAccount,
        String targetAccount,
        JsonNode parameters,
        String requestId,
        int statusCode,
        long responseSize,
        long durationMs,
        String errorType,
        String errorMessage,
        String lambdaFunction,
        String lambdaVersion,
        String environment,
        long expiresAt) {

    /** The UTC day of the timestamp, {@code YYYY-MM-DD}, the partition key of the day index. */
    public String day() {
        return timestamp.toString().substring(0, 10);
    }
}
