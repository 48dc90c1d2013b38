package dev.drsorchestrator.shared.snapstart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms what every first request needs before SnapStart takes the snapshot, so restored environments skip it: Jackson's
 * serializers for the envelope shapes, the shared HTTP client with its TLS set-up, and the DynamoDB and STS clients
 * (SDK client construction, endpoint rules). Nothing here calls AWS: the snapshot must not carry a live connection
 * or request-scoped state.
 *
 * <pre>{@code
 * public QueryHandler() {
 *     this(SnapStartPriming.primed(CoreServices.from(Env.fromSystem())));
 * }
 * }</pre>
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    /** How long a checkpoint waits for the init warm-up's threads before priming on its own. */
    static final long WARMUP_WAIT_SECONDS = 30;

    private final CoreServices services;
    private final InitWarmup warmup;
    private final List<String> warmed = new ArrayList<>();

    /** Priming for one handler's services; call {@link #register} to take part in checkpoints. */
    public SnapStartPriming(CoreServices services) {
        this(services, null);
    }

    /** Priming that first lets a running {@link InitWarmup} finish, so the snapshot holds no half-done work. */
    public SnapStartPriming(CoreServices services, InitWarmup warmup) {
        this.services = services;
        this.warmup = warmup;
    }

    /** Registers priming with the global CRaC context; a JVM without CRaC simply never calls it. */
    public static SnapStartPriming register(CoreServices services) {
        return register(new SnapStartPriming(services));
    }

    private static SnapStartPriming register(SnapStartPriming priming) {
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws JsonProcessingException {
        if (warmup != null) {
            if (!warmup.await(WARMUP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Init warm-up still running after {} s; priming anyway", WARMUP_WAIT_SECONDS);
            }
            warmup.failures().forEach(failure -> LOG.warn("Init warm-up task failed: {}", failure));
        }
        warmJackson();
        services.clients().prepareHttpClient();
        warmed.add("tls");
        services.clients().dynamoDb();
        warmed.add("dynamodb");
        services.clients().sts();
        warmed.add("sts");
        LOG.info("Primed for snapshot: {}", warmed);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Credentials come from the default provider chain, which reads the restored environment on first use;
        // cached cross-account credentials carry their own expiry. Nothing restored needs replacing.
        LOG.info("Restored from snapshot (primed: {})", warmed);
    }

    /**
     * Starts the {@link InitWarmup} for these services, registers priming (which lets the warm-up finish before a
     * snapshot) and hands the services back, for a handler's public constructor.
     */
    public static CoreServices primed(CoreServices services) {
        register(new SnapStartPriming(services, InitWarmup.start(services)));
        return services;
    }

    /** What the last checkpoint warmed, in order. */
    public List<String> warmed() {
        return List.copyOf(warmed);
    }

    private void warmJackson() throws JsonProcessingException {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("httpMethod", "GET").put("resource", "/health").put("path", "/health");
        event.putObject("requestContext").putObject("authorizer").putObject("claims")
                .put("email", "priming@example.invalid").put("cognito:groups", "DRSReadOnly");
        event.putObject("queryStringParameters").put("limit", "1");
        String text = Json.mapper().writeValueAsString(event);
        JsonNode parsed = Json.mapper().readTree(text);
        Json.mapper().writeValueAsBytes(parsed);
        warmed.add("jackson");
    }
}
