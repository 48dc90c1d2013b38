package dev.drsorchestrator.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.config.Env;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

class AwsClientsTest {
    private final Env env = Env.of(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
            "AWS_ENDPOINT_URL_DRS", "http://127.0.0.1:9999"));

    @Test
    void client_shouldCachePerServiceRegionAndCredentials_whenRequestedTwice() {
        try (AwsClients clients = new AwsClients(env)) {
            DrsClient first = clients.client("drs", DrsClient::builder, "us-east-2", clients.hub());
            DrsClient second = clients.client("drs", DrsClient::builder, "us-east-2", clients.hub());
            DrsClient otherRegion = clients.client("drs", DrsClient::builder, "us-west-2", clients.hub());
            DrsClient otherCredentials = clients.client("drs", DrsClient::builder, "us-east-2",
                    new CredentialsScope("123456789012/Role", clients.hub().provider()));
            assertThat(second).isSameAs(first);
            assertThat(otherRegion).isNotSameAs(first);
            assertThat(otherCredentials).isNotSameAs(first);
        }
    }

    @Test
    void client_shouldApplyRegionAndEndpointOverride_whenConfigured() {
        try (AwsClients clients = new AwsClients(env)) {
            DrsClient drs = clients.client("drs", DrsClient::builder, "us-east-2", clients.hub());
            DynamoDbClient dynamoDb = clients.dynamoDb();
            assertThat(drs.serviceClientConfiguration().region().id()).isEqualTo("us-east-2");
            assertThat(drs.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:9999"));
            assertThat(dynamoDb.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
            assertThat(dynamoDb.serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:4566"));
        }
    }

    @Test
    void hub_shouldUseStaticCredentials_whenEnvironmentHasThem() {
        try (AwsClients clients = new AwsClients(env)) {
            AwsCredentials credentials = clients.hub().provider().resolveCredentials();
            assertThat(credentials.accessKeyId()).isEqualTo("test");
            assertThat(clients.hub().cacheKey()).isEqualTo("hub");
        }
    }

    @Test
    void classInit_shouldKeepEnoughIdleConnectionsPerHost_whenNothingElseConfiguredIt() {
        // GIVEN the clients factory is loaded (before any HTTP connection of a handler)
        try (AwsClients clients = new AwsClients(env)) {
            // WHEN / THEN the JDK keeps 32 idle connections per host instead of its default 5, unless the JVM was
            // started with its own -Dhttp.maxConnections
            assertThat(clients.homeRegion()).isEqualTo("eu-west-1");
            assertThat(System.getProperty(AwsClients.KEEP_ALIVE_PROPERTY)).isEqualTo("32");
        }
    }

    @Test
    void dynamoDb_shouldRetryATransactionConflict_butNotAFailedCondition() {
        // GIVEN the DynamoDB client of the factory (execution items can be held by a finishing transaction)
        try (AwsClients clients = new AwsClients(env)) {
            RetryStrategy strategy = clients.dynamoDb().serviceClientConfiguration().overrideConfiguration()
                    .retryStrategy().orElseThrow();
            // WHEN a single-item write failed because a transaction held the item
            // THEN the SDK retries it (the write was not applied)
            assertThat(retried(strategy, conflict())).isTrue();
            // AND a failed condition is the caller's answer, never retried
            assertThat(retried(strategy, failedCondition())).isFalse();
        }
    }

    @Test
    void client_shouldNotRetryATransactionConflict_whenTheServiceIsNotDynamoDb() {
        // GIVEN a DRS client of the same factory
        try (AwsClients clients = new AwsClients(env)) {
            RetryStrategy strategy = clients.client("drs", DrsClient::builder, "us-east-2", clients.hub())
                    .serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow();
            // WHEN / THEN DynamoDB's conflict code is not one of its retry conditions
            assertThat(retried(strategy, conflict())).isFalse();
        }
    }

    private static boolean retried(RetryStrategy strategy, Throwable failure) {
        var token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
        try {
            strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
            return true;
        } catch (TokenAcquisitionFailedException notRetried) {
            return false;
        }
    }

    /** The exceptions as the SDK builds them from DynamoDB's 400 answers. */
    private static TransactionConflictException conflict() {
        return (TransactionConflictException) TransactionConflictException.builder().message("held").statusCode(400)
                .awsErrorDetails(details("TransactionConflictException")).build();
    }

    private static ConditionalCheckFailedException failedCondition() {
        return (ConditionalCheckFailedException) ConditionalCheckFailedException.builder().message("no")
                .statusCode(400).awsErrorDetails(details("ConditionalCheckFailedException")).build();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(code).serviceName("DynamoDb")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build();
    }
}
