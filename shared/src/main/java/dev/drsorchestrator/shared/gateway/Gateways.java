package dev.drsorchestrator.shared.gateway;

import dev.drsorchestrator.shared.aws.AwsClients;
import dev.drsorchestrator.shared.aws.CredentialsScope;
import dev.drsorchestrator.shared.aws.CrossAccount;
import dev.drsorchestrator.shared.handler.CoreServices;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Hands out a gateway per (account context, region). Gateways are cheap views: the SDK clients behind them come from
 * {@link AwsClients}' cache, and a target account's credentials from {@link CrossAccount}'s cache, so asking again
 * costs nothing and one AssumeRole serves every region of an account.
 *
 * <pre>{@code
 * Gateways gateways = Gateways.from(core);
 * List<JsonNode> servers = gateways.drs(AccountContext.hub(), "us-east-1").describeSourceServers(SourceServerQuery.all());
 * }</pre>
 */
public final class Gateways {
    /** The region IAM is signed for; IAM is a global service. */
    static final String IAM_REGION = "aws-global";

    private final AwsClients clients;
    private final CrossAccount crossAccount;

    /** Gateways over the given client factory and cross-account access. */
    public Gateways(AwsClients clients, CrossAccount crossAccount) {
        this.clients = clients;
        this.crossAccount = crossAccount;
    }

    /** Gateways over a handler's core services. */
    public static Gateways from(CoreServices core) {
        return new Gateways(core.clients(), core.crossAccount());
    }

    /** The region the function runs in (Step Functions, EventBridge and SNS live there). */
    public String homeRegion() {
        return clients.homeRegion();
    }

    /** DRS in one region of one account. */
    public DrsGateway drs(AccountContext account, String region) {
        return new DrsGateway(clients.client("drs", DrsClient::builder, region, credentials(account)), region,
                account);
    }

    /** EC2 in one region of one account. */
    public Ec2Gateway ec2(AccountContext account, String region) {
        return new Ec2Gateway(clients.client("ec2", Ec2Client::builder, region, credentials(account)));
    }

    /** IAM (global) of one account. */
    public IamGateway iam(AccountContext account) {
        return new IamGateway(clients.client("iam", IamClient::builder, IAM_REGION, credentials(account)));
    }

    /** STS in one region as one account; {@code getCallerIdentity} proves which identity the context resolves to. */
    public StsGateway sts(AccountContext account, String region) {
        return new StsGateway(clients.client("sts", StsClient::builder, region, credentials(account)));
    }

    /** The hub's Step Functions in its home region. */
    public SfnGateway stepFunctions() {
        return new SfnGateway(clients.client("sfn", SfnClient::builder, homeRegion(), clients.hub()));
    }

    /** The hub's EventBridge in its home region. */
    public EventBridgeGateway eventBridge() {
        return new EventBridgeGateway(clients.client("eventbridge", EventBridgeClient::builder, homeRegion(),
                clients.hub()));
    }

    /** The hub's SNS in its home region. */
    public SnsGateway sns() {
        return new SnsGateway(clients.client("sns", SnsClient::builder, homeRegion(), clients.hub()));
    }

    private CredentialsScope credentials(AccountContext account) {
        if (account instanceof AccountContext.Target t) {
            return crossAccount.scope(t.accountId(),
                    t.roleName() == null ? crossAccount.defaultRoleName() : t.roleName(),
                    t.externalId() == null ? crossAccount.defaultExternalId() : t.externalId());
        }
        return clients.hub();
    }
}
