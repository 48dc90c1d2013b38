package dev.drsorchestrator.local.sim;

/**
 * One injected fault. Null selectors match anything; a request matching several rules gets the latency of all of
 * them and the error of the first that fires. {@code failureRate} is the share of matching calls that fail (1 when
 * unset); latency is {@code latencyMillis} plus a seeded random share of {@code latencyJitterMillis}.
 *
 * <pre>{@code
 * faults.inject(FaultRule.error("drs", "DescribeSourceServers", "ThrottlingException").forAccount("222222222222"));
 * }</pre>
 */
public record FaultRule(String id, String account, String region, String service, String operation,
                        String errorCode, String errorMessage, Long retryAfterSeconds, Double failureRate,
                        long latencyMillis, long latencyJitterMillis, boolean dropConnection, Long seed) {
    public FaultRule {
        if (failureRate != null && !(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failureRate must be between 0 and 1, got " + failureRate);
        }
        if (latencyMillis < 0 || latencyJitterMillis < 0) {
            throw new IllegalArgumentException("latencyMillis and latencyJitterMillis must not be negative");
        }
        if (errorCode != null && !errorCode.matches("[A-Za-z][A-Za-z0-9.]{0,99}")) {
            throw new IllegalArgumentException("errorCode must be an AWS error code like ThrottlingException, got "
                    + errorCode);
        }
    }

    /** Every matching call fails with {@code errorCode}. */
    public static FaultRule error(String service, String operation, String errorCode) {
        return new FaultRule(null, null, null, service, operation, errorCode, null, null, null, 0, 0, false, null);
    }

    /** Every matching call waits {@code millis} before it is answered. */
    public static FaultRule latency(String service, String operation, long millis) {
        return new FaultRule(null, null, null, service, operation, null, null, null, null, millis, 0, false, null);
    }

    /** Every matching call has its connection dropped before a complete response. */
    public static FaultRule drop(String service, String operation) {
        return new FaultRule(null, null, null, service, operation, null, null, null, null, 0, 0, true, null);
    }

    public FaultRule forAccount(String accountId) {
        return new FaultRule(id, accountId, region, service, operation, errorCode, errorMessage, retryAfterSeconds,
                failureRate, latencyMillis, latencyJitterMillis, dropConnection, seed);
    }

    public FaultRule inRegion(String regionName) {
        return new FaultRule(id, account, regionName, service, operation, errorCode, errorMessage, retryAfterSeconds,
                failureRate, latencyMillis, latencyJitterMillis, dropConnection, seed);
    }

    public FaultRule withRetryAfter(long seconds) {
        return new FaultRule(id, account, region, service, operation, errorCode, errorMessage, seconds, failureRate,
                latencyMillis, latencyJitterMillis, dropConnection, seed);
    }

    public FaultRule withFailureRate(double rate, long randomSeed) {
        return new FaultRule(id, account, region, service, operation, errorCode, errorMessage, retryAfterSeconds,
                rate, latencyMillis, latencyJitterMillis, dropConnection, randomSeed);
    }

    public FaultRule withJitter(long jitterMillis, long randomSeed) {
        return new FaultRule(id, account, region, service, operation, errorCode, errorMessage, retryAfterSeconds,
                failureRate, latencyMillis, jitterMillis, dropConnection, randomSeed);
    }

    FaultRule withId(String newId) {
        return new FaultRule(newId, account, region, service, operation, errorCode, errorMessage, retryAfterSeconds,
                failureRate, latencyMillis, latencyJitterMillis, dropConnection, seed);
    }

    boolean matches(String callAccount, String callRegion, String callService, String callOperation) {
        return (account == null || account.equals(callAccount)) && (region == null || region.equals(callRegion))
                && (service == null || service.equals(callService))
                && (operation == null || operation.equals(callOperation));
    }
}
