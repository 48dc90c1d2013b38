package dev.drsorchestrator.shared.aws;

import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Hub-and-spoke access: assumes a role with an ExternalId in a target account and hands out a
 * {@link CredentialsScope} for it. Credentials are cached per (account, role) and refreshed five minutes before they
 * expire; one AssumeRole serves every region of the account.
 */
public final class CrossAccount {
    /** Longest session the hub asks for (the role-chaining limit). */
    public static final int MAX_DURATION_SECONDS = 3600;
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    private final Supplier<StsClient> sts;
    private final Clock clock;
    private final String partition;
    private final String defaultRoleName;
    private final String defaultExternalId;
    private final String sessionName;
    private final int durationSeconds;
    private final Map<String, CachedProvider> cache = new ConcurrentHashMap<>();

    /**
     * Configured from {@code CROSS_ACCOUNT_ROLE_NAME} (default {@code DRSOrchestrationCrossAccountRole}),
     * {@code CROSS_ACCOUNT_EXTERNAL_ID} and {@code CROSS_ACCOUNT_SESSION_SECONDS} (default and maximum 3600).
     */
    public CrossAccount(Supplier<StsClient> sts, Env env, Clock clock) {
        this.sts = sts;
        this.clock = clock;
        this.partition = partitionOf(env.region());
        this.defaultRoleName = env.optional("CROSS_ACCOUNT_ROLE_NAME").orElse("DRSOrchestrationCrossAccountRole");
        this.defaultExternalId = env.optional("CROSS_ACCOUNT_EXTERNAL_ID").orElse(null);
        this.sessionName = sessionName(env.functionName());
        this.durationSeconds = Math.min(MAX_DURATION_SECONDS, env.positiveInt("CROSS_ACCOUNT_SESSION_SECONDS", 3600));
    }

    /** The role ARN for an account and role name in the hub's partition. */
    public String roleArn(String accountId, String roleName) {
        Validators.accountId("accountId", accountId);
        if (roleName == null || !ROLE_NAME.matcher(roleName).matches()) {
            throw new ValidationException("Field 'roleName' must be 1-64 characters of letters, digits and +=,.@_-");
        }
        return "arn:" + partition + ":iam::" + accountId + ":role/" + roleName;
    }

    /** The role assumed when a target account names none ({@code CROSS_ACCOUNT_ROLE_NAME}). */
    public String defaultRoleName() {
        return defaultRoleName;
    }

    /** The ExternalId sent when a target account names none ({@code CROSS_ACCOUNT_EXTERNAL_ID}); may be null. */
    public String defaultExternalId() {
        return defaultExternalId;
    }

    /** Credentials for the default cross-account role of an account. */
    public CredentialsScope scope(String accountId) {
        return scope(accountId, defaultRoleName, defaultExternalId);
    }

    /** Credentials for a named role of an account, with an ExternalId (null when the role requires none). */
    public CredentialsScope scope(String accountId, String roleName, String externalId) {
        String arn = roleArn(accountId, roleName);
        String key = accountId + "/" + roleName + externalIdDigest(externalId);
        CachedProvider provider = cache.computeIfAbsent(key, k -> new CachedProvider(arn, externalId));
        return new CredentialsScope(key, provider);
    }

    /**
     * Part of the cache key, so a changed or wrong ExternalId never reuses credentials obtained with another one;
     * a digest, because cache keys appear in logs and the ExternalId should not.
     */
    private static String externalIdDigest(String externalId) {
        if (externalId == null) {
            return "";
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(externalId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "#" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static String partitionOf(String region) {
        String r = region.toLowerCase(Locale.ROOT);
        if (r.startsWith("cn-")) {
            return "aws-cn";
        }
        return r.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private static String sessionName(String functionName) {
        String name = ("drs-orchestrator-" + functionName).replaceAll("[^\\w+=,.@-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private final class CachedProvider implements AwsCredentialsProvider {
        private final String roleArn;
        private final String externalId;
        private Credentials current;

        CachedProvider(String roleArn, String externalId) {
            this.roleArn = roleArn;
            this.externalId = externalId;
        }

        @Override
        public synchronized AwsCredentials resolveCredentials() {
            Instant now = clock.instant();
            if (current == null || !now.isBefore(current.expiration().minus(REFRESH_MARGIN))) {
                AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                        .roleArn(roleArn)
                        .roleSessionName(sessionName)
                        .durationSeconds(durationSeconds);
                if (externalId != null) {
                    request.externalId(externalId);
                }
                current = sts.get().assumeRole(request.build()).credentials();
            }
            return AwsSessionCredentials.create(current.accessKeyId(), current.secretAccessKey(),
                    current.sessionToken());
        }
    }
}
