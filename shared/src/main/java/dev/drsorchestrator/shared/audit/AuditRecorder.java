package dev.drsorchestrator.shared.audit;

import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.error.ErrorResponse;
import dev.drsorchestrator.shared.invocation.InvocationMode;
import dev.drsorchestrator.shared.security.Principal;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds audit records from what the pipeline knows about an invocation (principal, operation, outcome) plus the
 * function's own identity, and hands them to the {@link AuditLog}.
 */
public final class AuditRecorder {
    private final AuditLog log;
    private final Clock clock;
    private final String hubAccount;
    private final String functionName;
    private final String functionVersion;
    private final String environment;
    private final Duration retention;

    /** A recorder configured from the environment ({@code AUDIT_RETENTION_DAYS}, default 365). */
    public AuditRecorder(AuditLog log, Env env, Clock clock) {
        this.log = log;
        this.clock = clock;
        this.hubAccount = env.optional("AWS_ACCOUNT_ID").orElse(null);
        this.functionName = env.functionName();
        this.functionVersion = env.functionVersion();
        this.environment = env.environmentName();
        this.retention = Duration.ofDays(env.positiveInt("AUDIT_RETENTION_DAYS", 365));
    }

    /** What happened in one invocation. */
    public record Outcome(
            Instant startedAt,
            String operation,
            InvocationMode mode,
            Principal principal,
            String targetAccount,
            JsonNode parameters,
            String requestId,
            int statusCode,
            long responseSize,
            ErrorResponse error) {
    }

    /** Records one invocation; never throws. */
    public AuditRecord record(Outcome outcome) {
        Instant now = clock.instant();
        Principal p = outcome.principal() == null ? new Principal.Unknown() : outcome.principal();
        String email = p instanceof Principal.CognitoUser user ? user.email() : null;
        List<String> groups = p instanceof Principal.CognitoUser user ? user.groups() : null;
        String session = p instanceof Principal.AssumedRole role ? role.sessionName() : null;
        String account = p.accountId() != null ? p.accountId() : hubAccount;
        AuditRecord record = new AuditRecord(
                UUID.randomUUID().toString(),
                outcome.startedAt(),
                outcome.operation() == null ? "unknown" : outcome.operation(),
                outcome.mode() == null ? "UNKNOWN" : outcome.mode().name(),
                p.type(),
                p.arn(),
                email,
                groups,
                session,
                account,
                hubAccount,
                outcome.targetAccount(),
                ParameterMasker.mask(outcome.parameters()),
                outcome.requestId(),
                outcome.statusCode(),
                outcome.responseSize(),
                Math.max(0, Duration.between(outcome.startedAt(), now).toMillis()),
                outcome.error() == null ? null : outcome.error().error(),
                outcome.error() == null ? null : outcome.error().message(),
                functionName,
                functionVersion,
                environment,
                now.plus(retention).getEpochSecond());
        log.record(record);
        return record;
    }
}
