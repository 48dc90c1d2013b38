package dev.drsorchestrator.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.drsorchestrator.datamanagement.DataManagementHandler;
import dev.drsorchestrator.execution.ExecutionHandler;
import dev.drsorchestrator.query.QueryHandler;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.handler.CoreServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The functions of the local runtime: function name → the same {@link RequestStreamHandler} class that runs in AWS,
 * built from its own {@link Env}. Resolves names the way Lambda does (plain name, partial ARN, full ARN, with or without
 * a qualifier) and also deployed names that carry a project prefix or environment suffix
 * ({@code drs-orchestrator-query-handler-dev}), so ARNs written for AWS reach the right handler.
 *
 * <pre>{@code
 * try (HandlerRegistry functions = HandlerRegistry.fromEnvs(name -> envFor(name))) {
 *     InvocationOutcome out = functions.invoke("query-handler", "{\"operation\":\"health\"}".getBytes(UTF_8), "req-1");
 * }
 * }</pre>
 */
public final class HandlerRegistry implements AutoCloseable {
    /** The read-only handler. */
    public static final String QUERY_HANDLER = "query-handler";
    /** The CRUD and sync handler. */
    public static final String DATA_MANAGEMENT_HANDLER = "data-management-handler";
    /** The recovery-actions handler. */
    public static final String EXECUTION_HANDLER = "execution-handler";
    /** The three functions, in the order the banner lists them. */
    public static final List<String> FUNCTION_NAMES = List.of(QUERY_HANDLER, DATA_MANAGEMENT_HANDLER,
            EXECUTION_HANDLER);

    private static final Logger LOG = LoggerFactory.getLogger(HandlerRegistry.class);
    private static final Pattern ARN = Pattern.compile(
            "^(?:arn:[a-z-]+:lambda:[a-z0-9-]+:)?(?:\\d{12}:)?(?:function:)?([A-Za-z0-9_-]{1,140})(?::[A-Za-z0-9$_-]+)?$");
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private volatile Map<String, RequestStreamHandler> handlers;
    private final List<CoreServices> owned;
    private final String region;
    private final String accountId;

    private HandlerRegistry(Map<String, RequestStreamHandler> handlers, List<CoreServices> owned, String region,
            String accountId) {
        this.handlers = Collections.unmodifiableMap(new LinkedHashMap<>(handlers));
        this.owned = List.copyOf(owned);
        this.region = region;
        this.accountId = accountId;
    }

    /**
     * Builds the three handlers, each from its own environment ({@code envOf.apply("query-handler")} etc.), exactly as
     * Lambda would construct them with those environment variables. Closing the registry closes their AWS clients.
     */
    public static HandlerRegistry fromEnvs(Function<String, Env> envOf) {
        return fromEnvs(FUNCTION_NAMES, envOf, CoreServices::from);
    }

    /**
     * Builds the named handlers (a subset of {@link #FUNCTION_NAMES}), each from its own environment, with
     * {@code servicesOf} turning an environment into core services. Closing the registry closes their AWS clients.
     */
    public static HandlerRegistry fromEnvs(List<String> names, Function<String, Env> envOf,
            Function<Env, CoreServices> servicesOf) {
        Objects.requireNonNull(envOf, "envOf");
        Objects.requireNonNull(servicesOf, "servicesOf");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names must name at least one function");
        }
        Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();
        List<CoreServices> owned = new ArrayList<>();
        Env first = envOf.apply(names.get(0));
        try {
            for (String name : names) {
                CoreServices services = servicesOf.apply(envOf.apply(name));
                owned.add(services);
                handlers.put(name, construct(name, services));
            }
        } catch (RuntimeException e) {
            owned.forEach(HandlerRegistry::closeQuietly);
            throw e;
        }
        return new HandlerRegistry(handlers, owned, first.region(),
                first.optional("AWS_ACCOUNT_ID").orElse("000000000000"));
    }

    /** A registry of the given functions (tests register their own); nothing is closed with it. */
    public static HandlerRegistry of(Map<String, RequestStreamHandler> handlers, String region, String accountId) {
        handlers.keySet().forEach(HandlerRegistry::requireValidName);
        return new HandlerRegistry(handlers, List.of(), region, accountId);
    }

    /**
     * Registers {@code handler} under {@code functionName}, replacing the function of that name if there is one, as
     * deploying new code would; tests use it to put a gated or failing handler in place of a real one.
     */
    public synchronized void register(String functionName, RequestStreamHandler handler) {
        requireValidName(functionName);
        Objects.requireNonNull(handler, "handler");
        Map<String, RequestStreamHandler> next = new LinkedHashMap<>(handlers);
        next.put(functionName, handler);
        handlers = Collections.unmodifiableMap(next);
    }

    private static void requireValidName(String name) {
        if (name == null || !ARN.matcher(name).matches() || name.contains(":")) {
            throw new IllegalArgumentException("function name must be 1-140 of A-Z a-z 0-9 - _, got '" + name + "'");
        }
    }

    /** The registered function names. */
    public Set<String> functionNames() {
        return handlers.keySet();
    }

    /** The registered name a function name or ARN refers to, or empty when no function matches. */
    public Optional<String> resolve(String nameOrArn) {
        if (nameOrArn == null) {
            return Optional.empty();
        }
        Matcher m = ARN.matcher(nameOrArn.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1);
        if (handlers.containsKey(name)) {
            return Optional.of(name);
        }
        return handlers.keySet().stream()
                .filter(known -> name.endsWith("-" + known) || name.startsWith(known + "-")
                        || name.contains("-" + known + "-"))
                .findFirst();
    }

    /** The handler a function name or ARN refers to. */
    public Optional<RequestStreamHandler> handler(String nameOrArn) {
        return resolve(nameOrArn).map(handlers::get);
    }

    /** The ARN of a registered function, as Lambda would report it. */
    public String arnOf(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    /**
     * Runs a function synchronously in this thread, as the Lambda runtime would: the event bytes in, the written bytes
     * out, or the thrown error.
     *
     * @throws IllegalArgumentException when no function matches {@code nameOrArn}
     */
    public InvocationOutcome invoke(String nameOrArn, byte[] payload, String requestId) {
        String name = registeredName(nameOrArn);
        try {
            return new InvocationOutcome.Returned(run(name, payload, requestId));
        } catch (Exception | StackOverflowError e) {
            LOG.info("{} invocation {} failed with {}", name, requestId, e.getClass().getSimpleName());
            return new InvocationOutcome.Failed(e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /**
     * Runs a function synchronously in this thread and returns the bytes it wrote, letting whatever it throws
     * propagate, for callers that name errors their own way (the Step Functions runner uses the full class name).
     *
     * @throws IllegalArgumentException when no function matches {@code nameOrArn}
     */
    public byte[] invokeOrThrow(String nameOrArn, byte[] payload, String requestId) throws Exception {
        return run(registeredName(nameOrArn), payload, requestId);
    }

    private String registeredName(String nameOrArn) {
        return resolve(nameOrArn).orElseThrow(() -> new IllegalArgumentException("Function not found: " + nameOrArn));
    }

    private byte[] run(String name, byte[] payload, String requestId) throws Exception {
        RequestStreamHandler handler = handlers.get(name);
        LocalLambdaContext context = new LocalLambdaContext(requestId, name, arnOf(name),
                System.currentTimeMillis() + TIMEOUT.toMillis());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), out, context);
        return out.toByteArray();
    }

    @Override
    public void close() {
        owned.forEach(HandlerRegistry::closeQuietly);
    }

    private static RequestStreamHandler construct(String name, CoreServices services) {
        return switch (name) {
            case QUERY_HANDLER -> new QueryHandler(services);
            case DATA_MANAGEMENT_HANDLER -> new DataManagementHandler(services);
            case EXECUTION_HANDLER -> new ExecutionHandler(services);
            default -> throw new IllegalArgumentException("unknown function " + name + "; known: " + FUNCTION_NAMES);
        };
    }

    private static void closeQuietly(CoreServices services) {
        try {
            services.clients().close();
        } catch (RuntimeException e) {
            LOG.debug("closing AWS clients failed", e);
        }
    }
}
