package dev.drsorchestrator.tests.localruntime;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Real SDK v2 clients for a local runtime's AWS endpoint, signed with the hub account's key, retries off. */
final class AwsClientsForRuntime {
    private AwsClientsForRuntime() {
    }

    static LambdaClient lambda(URI endpoint) {
        return LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(noRetries()).build();
    }

    static EventBridgeClient events(URI endpoint) {
        return EventBridgeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(noRetries()).build();
    }

    static SfnClient states(URI endpoint) {
        return SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(noRetries()).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    private static ClientOverrideConfiguration noRetries() {
        return ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                .retryStrategy(b -> b.maxAttempts(1)).build();
    }
}
