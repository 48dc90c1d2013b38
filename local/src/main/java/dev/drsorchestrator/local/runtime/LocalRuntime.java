package dev.drsorchestrator.local.runtime;

import dev.drsorchestrator.local.apigateway.ApiContract;
import dev.drsorchestrator.local.apigateway.ApiGatewayServer;
import dev.drsorchestrator.local.apigateway.CorsPolicy;
import dev.drsorchestrator.local.auth.LocalIssuer;
import dev.drsorchestrator.local.demo.Demo;
import dev.drsorchestrator.local.demo.DemoLogging;
import dev.drsorchestrator.local.demo.DemoOutcome;
import dev.drsorchestrator.local.demo.DemoSettings;
import dev.drsorchestrator.local.dynamodb.CfnTemplate;
import dev.drsorchestrator.local.dynamodb.LocalDynamoDb;
import dev.drsorchestrator.local.dynamodb.TableCreator;
import dev.drsorchestrator.local.events.CfnRuleLoader;
import dev.drsorchestrator.local.events.EventBridgeApi;
import dev.drsorchestrator.local.events.EventRules;
import dev.drsorchestrator.local.events.RuleScheduler;
import dev.drsorchestrator.local.lambda.HandlerRegistry;
import dev.drsorchestrator.local.lambda.LambdaInvokeApi;
import dev.drsorchestrator.local.sim.Simulator;
import dev.drsorchestrator.local.sim.SimulatorOptions;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import dev.drsorchestrator.shared.config.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole system on one machine: DynamoDB Local with every table of the template, the simulator with a scenario
 * (drs, ec2, iam, sts, sns) plus the Lambda Invoke API and EventBridge on its edge, the three handlers in-process with
 * their environments pointed at loopback, the scheduled rules of {@code cfn/}, any {@link LocalRuntimeExtension}s, and
 * the REST API behind the Cognito-authorizer emulation. {@link #close()} stops everything and frees every port.
 *
 * <pre>{@code
 * try (LocalRuntime runtime = LocalRuntime.start(LocalRuntimeOptions.forTests())) {
 *     String token = runtime.issuer().mint("admin@example.com", List.of("Admin"), Duration.ofHours(1));
 *     // GET runtime.apiUri() + "/user/permissions" with Authorization: Bearer token
 * }
 * }</pre>
 */
public final class LocalRuntime implements AutoCloseable {
    /** The table-name prefix of the local tables. */
    public static final String TABLE_PREFIX = "drs-orchestrator-local";
    /** The region the handlers run in. */
    public static final String REGION = "us-east-1";
    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
    private static final Duration SCHEDULER_TICK = Duration.ofMillis(200);

    private final Deque<AutoCloseable> running;
    private final LocalRuntimeContext context;
    private final ApiGatewayServer api;
    private final RuleScheduler scheduler;
    private final List<String> banner;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private LocalRuntime(Deque<AutoCloseable> running, LocalRuntimeContext context, ApiGatewayServer api,
            RuleScheduler scheduler, List<String> banner) {
        this.running = running;
        this.context = context;
        this.api = api;
        this.scheduler = scheduler;
        this.banner = List.copyOf(banner);
    }

    /** Starts the runtime with the extensions found by {@link ServiceLoader}. */
    public static LocalRuntime start(LocalRuntimeOptions options) {
        List<LocalRuntimeExtension> found = new ArrayList<>();
        ServiceLoader.load(LocalRuntimeExtension.class).forEach(found::add);
        return start(options, found);
    }

    /**
     * Starts the runtime with exactly these extensions. Whatever started before a failure is stopped again before the
     * failure propagates, so a failed start leaves no port bound.
     */
    public static LocalRuntime start(LocalRuntimeOptions options, List<LocalRuntimeExtension> extensions) {
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            return boot(options, extensions, running);
        } catch (RuntimeException | Error e) {
            stopAll(running);
            throw e;
        }
    }

    private static LocalRuntime boot(LocalRuntimeOptions options, List<LocalRuntimeExtension> extensions,
            Deque<AutoCloseable> running) {
        requireFree(options.apiPort(), "--api-port");
        requireFree(options.awsPort(), "--aws-port");
        requireFree(options.dynamoDbPort(), "--dynamodb-port");
        Scenario scenario = scenario(options);
        CorsPolicy cors = new CorsPolicy(options.allowedOrigin());
        ApiContract contract = ApiContract.fromClasspath();

        LocalDynamoDb dynamo = options.dynamoDbPort() == 0 ? LocalDynamoDb.start()
                : LocalDynamoDb.start(options.dynamoDbPort());
        running.push(dynamo);
        Map<String, String> tables;
        try (DynamoDbClient admin = dynamo.client()) {
            tables = new TableCreator(CfnTemplate.fromClasspath(CfnTemplate.DYNAMODB_TABLES)).create(admin,
                    TABLE_PREFIX);
        }

        Simulator sim = Simulator.start(SimulatorOptions.defaults().withPort(options.awsPort())
                .withScenario(scenario).withTimeFactor(options.timeFactor()));
        running.push(sim);
        String hub = sim.fleet().hubAccountId().orElseThrow(() -> new IllegalArgumentException(
                "the scenario '" + scenario.name() + "' has no HUB account; the handlers run in the hub account"));

        Map<String, Env> environments = new LinkedHashMap<>();
        for (String function : HandlerRegistry.FUNCTION_NAMES) {
            Map<String, String> values = new LinkedHashMap<>(tables);
            values.put("AWS_REGION", REGION);
            values.put("AWS_ACCOUNT_ID", hub);
            values.put("AWS_ACCESS_KEY_ID", Simulator.HUB_ACCESS_KEY);
            values.put("AWS_SECRET_ACCESS_KEY", "test");
            values.put("AWS_ENDPOINT_URL", sim.endpoint().toString());
            values.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
            values.put("AWS_LAMBDA_FUNCTION_NAME", function);
            values.put("CROSS_ACCOUNT_ROLE_NAME", LocalRuntimeAccounts.ROLE_NAME);
            values.put("ALLOWED_ORIGIN", cors.handlerOrigin());
            values.put("ENVIRONMENT", "local");
            values.put("LOG_FORMAT", "text");
            for (LocalRuntimeExtension extension : extensions) {
                values.putAll(extension.environment(function, sim));
            }
            environments.put(function, Env.of(values));
        }
        HandlerRegistry functions = HandlerRegistry.fromEnvs(environments::get);
        running.push(functions);

        LambdaInvokeApi lambda = new LambdaInvokeApi(functions);
        running.push(lambda);
        sim.edge().mount(lambda);
        EventRules rules = new EventRules(sim.clock()::now);
        sim.edge().mount(new EventBridgeApi(rules));

        Env queryEnv = environments.get(HandlerRegistry.QUERY_HANDLER);
        List<String> accounts = LocalRuntimeAccounts.seed(scenario, new TargetAccountStore(
                functionsDynamo(running, dynamo), queryEnv.tableName(Table.TARGET_ACCOUNTS)), Instant.now());
        List<CfnRuleLoader.Loaded> loadedRules = CfnRuleLoader.load(options.cfnDir(), rules, REGION, hub,
                Map.of("Environment", "local", "ProjectName", "drs-orchestrator"));
        RuleScheduler scheduler = new RuleScheduler(rules, functions, sim.clock()::now);
        running.push(scheduler);
        scheduler.start(SCHEDULER_TICK);

        LocalRuntimeContext context = new LocalRuntimeContext(sim, functions, rules, environments, tables,
                dynamo.endpoint(), REGION, hub);
        Map<String, List<String>> extensionLines = new LinkedHashMap<>();
        for (LocalRuntimeExtension extension : extensions) {
            running.push(extension);
            extensionLines.put(extension.name(), extension.start(context));
        }

        ApiGatewayServer api = ApiGatewayServer.start(options.apiPort(), contract, functions, cors, hub,
                Clock.system(ZoneOffset.UTC));
        running.push(api);
        List<String> banner = LocalRuntimeBanner.lines(new LocalRuntimeBanner.Facts(api.baseUri(), sim.endpoint(),
                dynamo.endpoint(), sim.scenarioSummary(), options.timeFactor(), cors.describe(), contract.routes().size(),
                functions.functionNames(), accounts, loadedRules, options.cfnDir(), extensionLines, TABLE_PREFIX,
                tables.size()));
        LOG.info("Local runtime ready: API {}, AWS {}, DynamoDB {}", api.baseUri(), sim.endpoint(), dynamo.endpoint());
        return new LocalRuntime(running, context, api, scheduler, banner);
    }

    private static java.util.function.Supplier<DynamoDbClient> functionsDynamo(Deque<AutoCloseable> running,
            LocalDynamoDb dynamo) {
        DynamoDbClient client = dynamo.client();
        running.push(client);
        return () -> client;
    }

    /** Fails fast, before anything starts, when a fixed port is taken (a runtime already running, usually). */
    private static void requireFree(int port, String option) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException(option + " " + port + ": 127.0.0.1:" + port
                    + " is already in use (is another local runtime running?)", e);
        }
    }

    private static Scenario scenario(LocalRuntimeOptions options) {
        if (options.scenarioFile() == null) {
            return Scenarios.demo();
        }
        try {
            return Scenarios.read(options.scenarioFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + options.scenarioFile(), e);
        }
    }

    /** The REST API, e.g. {@code http://127.0.0.1:8080}. */
    public URI apiUri() {
        return api.baseUri();
    }

    /** The AWS-compatible endpoint, e.g. {@code http://127.0.0.1:4566}. */
    public URI awsEndpoint() {
        return context.simulator().endpoint();
    }

    /** DynamoDB Local, e.g. {@code http://127.0.0.1:8000}. */
    public URI dynamoDbEndpoint() {
        return context.dynamoDbEndpoint();
    }

    /** The local user pool that signs the tokens the API accepts. */
    public LocalIssuer issuer() {
        return api.issuer();
    }

    /** Simulator, functions, rules, environments and tables. */
    public LocalRuntimeContext context() {
        return context;
    }

    /** The scheduler firing the event rules (tests call {@link RuleScheduler#fireDue()} after moving the clock). */
    public RuleScheduler scheduler() {
        return scheduler;
    }

    /** The ready banner, one line per element. */
    public List<String> banner() {
        return banner;
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    /** Stops the API, extensions, scheduler, functions, simulator and DynamoDB Local, in that order; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopAll(running);
        LOG.info("Local runtime stopped");
        stopped.countDown();
    }

    private static void stopAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed", next.getClass().getSimpleName(), e);
            }
        }
    }

    /**
     * {@code scripts/run-local.sh}: starts the runtime, prints the banner, runs until Ctrl-C. With {@code --demo} it
     * runs the guided drill first and then stops, exiting with the drill's status (with {@code --stay} it keeps
     * serving).
     */
    public static void main(String[] args) throws InterruptedException {
        LocalRuntimeOptions options;
        try {
            options = LocalRuntimeOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            if (!"help requested".equals(e.getMessage())) {
                System.err.println("run-local: " + e.getMessage());
            }
            System.err.println(LocalRuntimeOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.demo()) {
            DemoLogging.toTemporaryFile().ifPresent(log -> System.out.println("run-local: the runtime logs to " + log
                    + " during the demo"));
        }
        LocalRuntime runtime;
        try {
            runtime = start(options);
        } catch (RuntimeException e) {
            LOG.error("Local runtime failed to start", e);
            System.err.println("run-local: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "local-runtime-shutdown"));
        if (options.demo()) {
            System.out.println("Local runtime up: API " + runtime.apiUri() + ", AWS " + runtime.awsEndpoint()
                    + ", DynamoDB " + runtime.dynamoDbEndpoint() + ", time factor " + options.timeFactor());
            DemoOutcome outcome = Demo.run(runtime.apiUri(), runtime.awsEndpoint(), DemoSettings.defaults(),
                    System.out, System.console() != null);
            if (!options.stay()) {
                runtime.close();
                System.exit(outcome.exitStatus());
                return;
            }
        }
        runtime.banner().forEach(System.out::println);
        System.out.flush();
        runtime.awaitClose();
    }
}
