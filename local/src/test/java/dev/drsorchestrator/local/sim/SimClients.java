package dev.drsorchestrator.local.sim;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Real SDK v2 clients pointed at a simulator, with retries off so asserted faults surface at once. */
final class SimClients {
    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.create();
    private static final ClientOverrideConfiguration NO_RETRY = ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.doNotRetry()).build();

    private final URI endpoint;
    private final StaticCredentialsProvider credentials;

    private SimClients(URI endpoint, AwsCredentials credentials) {
        this.endpoint = endpoint;
        this.credentials = StaticCredentialsProvider.create(credentials);
    }

    /** Clients signing with access key {@code accessKeyId} (an account id, {@code test}, or anything else). */
    static SimClients withKey(Simulator simulator, String accessKeyId) {
        return new SimClients(simulator.endpoint(), AwsBasicCredentials.create(accessKeyId, "secret"));
    }

    /** Clients signing with credentials minted by the simulated STS. */
    static SimClients withSession(Simulator simulator, Credentials minted) {
        return new SimClients(simulator.endpoint(), AwsSessionCredentials.create(minted.accessKeyId(),
                minted.secretAccessKey(), minted.sessionToken()));
    }

    DrsClient drs(Region region) {
        return DrsClient.builder().httpClient(HTTP).endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).overrideConfiguration(NO_RETRY).build();
    }

    Ec2Client ec2(Region region) {
        return Ec2Client.builder().httpClient(HTTP).endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).overrideConfiguration(NO_RETRY).build();
    }

    StsClient sts() {
        return StsClient.builder().httpClient(HTTP).endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).overrideConfiguration(NO_RETRY).build();
    }

    IamClient iam() {
        return IamClient.builder().httpClient(HTTP).endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).overrideConfiguration(NO_RETRY).build();
    }

    SnsClient sns(Region region) {
        return SnsClient.builder().httpClient(HTTP).endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).overrideConfiguration(NO_RETRY).build();
    }
}
