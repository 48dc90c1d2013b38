package dev.drsorchestrator.shared.aws;

import dev.drsorchestrator.shared.config.Env;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one factory of AWS SDK clients. Every client uses the shared url-connection HTTP client, an explicit region and
 * the endpoint override from {@link Env}, and the SDK's standard retry strategy bounded by {@code AWS_MAX_ATTEMPTS}
 * (default 3; 1 turns retries off), which for DynamoDB also retries a {@code TransactionConflictException} (a
 * single-item write rejected, unapplied, because a transaction held the item); clients are built on first use and
 * cached per (service, region, credentials). Service classes are referenced only by the call that needs them, so a
 * handler never loads SDK modules it does not use.
 *
 * <pre>{@code
 * DrsClient drs = clients.client("drs", DrsClient::builder, "us-east-2", crossAccount.scope("123456789012"));
 * }</pre>
 */
public final class AwsClients implements AutoCloseable {
    /**
     * The JDK property that bounds the idle keep-alive connections the url-connection client keeps per host. Its
     * default, 5, is fewer than the inventory sync's concurrent DynamoDB calls (writers and stored-id lookups), and
     * every call beyond it would open, and pay TLS for, a new connection.
     */
    static final String KEEP_ALIVE_PROPERTY = "http.maxConnections";
    /** Keep-alive connections per host unless {@code -Dhttp.maxConnections} (e.g. in JAVA_TOOL_OPTIONS) says otherwise. */
    static final int KEEP_ALIVE_PER_HOST = 32;

    static {
        // read once by the JDK when its first HTTP connection is made, so it must be set before any client exists
        if (System.getProperty(KEEP_ALIVE_PROPERTY) == null) {
            System.setProperty(KEEP_ALIVE_PROPERTY, Integer.toString(KEEP_ALIVE_PER_HOST));
        }
    }

    private final Env env;
    private final CredentialsScope hub;
    private final int maxAttempts;
    private final Map<Key, SdkClient> cache = new ConcurrentHashMap<>();
    private final DeferredHttpClient httpClient = new DeferredHttpClient(() -> UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30))
            .build());

    private record Key(String serviceId, String region, String credentials) {
    }

    /** A factory configured from the environment; nothing is built yet. */
    public AwsClients(Env env) {
        this.env = env;
        this.hub = new CredentialsScope("hub", hubProvider(env));
        this.maxAttempts = env.positiveInt("AWS_MAX_ATTEMPTS", 3);
    }

    private static AwsCredentialsProvider hubProvider(Env env) {
        return env.staticCredentials()
                .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(c.sessionToken() == null
                        ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
                        : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /** The function's own credentials. */
    public CredentialsScope hub() {
        return hub;
    }

    /** The region the function runs in. */
    public String homeRegion() {
        return env.region();
    }

    /**
     * The cached client of a service in a region with the given credentials.
     *
     * @param serviceId the endpoint-override suffix, e.g. {@code drs}, {@code ec2}, {@code dynamodb}
     * @param builder   the service's builder factory, e.g. {@code DrsClient::builder}
     */
    @SuppressWarnings("unchecked")
    public <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            String serviceId, Supplier<B> builder, String region, CredentialsScope credentials) {
        Objects.requireNonNull(region, "region");
        Key key = new Key(serviceId, region, credentials.cacheKey());
        return (C) cache.computeIfAbsent(key, k -> build(serviceId, builder.get(), region, credentials));
    }

    /**
     * Creates the shared HTTP client now (TLS set-up included) instead of on the first request; for warming a new
     * execution environment while other threads build SDK clients.
     */
    public void prepareHttpClient() {
        httpClient.prepare();
    }

    /** The hub DynamoDB client in the home region. */
    public DynamoDbClient dynamoDb() {
        return client("dynamodb", DynamoDbClient::builder, homeRegion(), hub);
    }

    /** The hub STS client in the home region. */
    public StsClient sts() {
        return client("sts", StsClient::builder, homeRegion(), hub);
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C build(
            String serviceId, B builder, String region, CredentialsScope credentials) {
        builder.httpClient(httpClient);
        builder.region(Region.of(region));
        builder.credentialsProvider(credentials.provider());
        env.endpointOverride(serviceId).ifPresent(builder::endpointOverride);
        StandardRetryStrategy.Builder retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts);
        if (builder instanceof DynamoDbClientBuilder) {
            // A single-item write that meets an item held by a TransactWriteItems in flight (e.g. an execution that
            // is being finished and counted) is rejected without being applied; the SDK does not retry that code.
            retry.retryOnException(TransactionConflictException.class);
        }
        builder.overrideConfiguration(o -> o.retryStrategy(retry.build()));
        return builder.build();
    }

    /** Closes every client built so far and the shared HTTP client. */
    @Override
    public void close() {
        cache.values().forEach(SdkClient::close);
        cache.clear();
        httpClient.close();
    }
}
