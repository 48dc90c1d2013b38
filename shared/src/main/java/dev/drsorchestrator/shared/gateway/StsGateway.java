package dev.drsorchestrator.shared.gateway;

import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Who an account context resolves to: used to validate a target account's role before saving it. */
public final class StsGateway {
    private final StsClient sts;

    StsGateway(StsClient sts) {
        this.sts = sts;
    }

    /** The identity behind this gateway's credentials. */
    public CallerIdentity getCallerIdentity() {
        GetCallerIdentityResponse r = AwsFailures.call("sts", "GetCallerIdentity", () -> sts.getCallerIdentity());
        return new CallerIdentity(r.account(), r.arn(), r.userId());
    }

    /**
     * An identity as STS reports it.
     *
     * @param account 12-digit account id
     * @param arn     the caller ARN (an assumed-role ARN for a target account)
     * @param userId  the unique id
     */
    public record CallerIdentity(String account, String arn, String userId) {
    }
}
