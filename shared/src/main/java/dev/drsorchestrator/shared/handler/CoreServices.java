package dev.drsorchestrator.shared.handler;

import dev.drsorchestrator.shared.audit.AuditLog;
import dev.drsorchestrator.shared.audit.AuditRecorder;
import dev.drsorchestrator.shared.aws.AwsClients;
import dev.drsorchestrator.shared.aws.CrossAccount;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.security.AuthorizedRolePatterns;
import dev.drsorchestrator.shared.security.Rbac;
import dev.drsorchestrator.shared.security.RbacAliases;
import java.time.Clock;
import java.util.List;

/**
 * The dependencies every handler builds once per execution environment from {@link Env}: AWS clients, cross-account
 * access, RBAC, role patterns, audit, responses and pagination. Handler constructors take this (tests pass one built
 * from a map) and add their own stores and gateways.
 *
 * @param env            the configuration
 * @param clients        the AWS client factory (nothing is built until first use)
 * @param crossAccount   AssumeRole into target accounts
 * @param rbac           groups to permissions
 * @param rolePatterns   authorized roles for direct invocations
 * @param audit          audit record writer
 * @param responses      API response builder
 * @param pagination     page tokens
 * @param clock          the time source
 */
public record CoreServices(
        Env env,
        AwsClients clients,
        CrossAccount crossAccount,
        Rbac rbac,
        AuthorizedRolePatterns rolePatterns,
        AuditRecorder audit,
        Responses responses,
        Pagination pagination,
        Clock clock) {

    /**
     * Services from the environment. Reads {@code AUDIT_LOG_TABLE} (required), {@code ALLOWED_ORIGIN} (default
     * {@code *}), {@code RBAC_GROUP_ALIASES}, {@code AUTHORIZED_ROLE_PATTERNS} (default: seed 000's patterns).
     */
    public static CoreServices from(Env env) {
        Clock clock = Clock.systemUTC();
        AwsClients clients = new AwsClients(env);
        List<String> patterns = env.list("AUTHORIZED_ROLE_PATTERNS");
        AuditLog log = new AuditLog(clients::dynamoDb, env.tableName(Table.AUDIT_LOG));
        return new CoreServices(
                env,
                clients,
                new CrossAccount(clients::sts, env, clock),
                new Rbac(RbacAliases.parse(env.list("RBAC_GROUP_ALIASES"))),
                new AuthorizedRolePatterns(patterns.isEmpty() ? AuthorizedRolePatterns.DEFAULT_PATTERNS : patterns),
                new AuditRecorder(log, env, clock),
                new Responses(env.optional("ALLOWED_ORIGIN").orElse("*")),
                Pagination.fromEnv(env),
                clock);
    }
}
