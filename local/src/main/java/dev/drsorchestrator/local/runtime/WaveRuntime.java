package dev.drsorchestrator.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.drsorchestrator.local.lambda.HandlerRegistry;
import dev.drsorchestrator.local.sim.Simulator;
import dev.drsorchestrator.local.stepfunctions.StepFunctionsApi;
import dev.drsorchestrator.local.stepfunctions.StepFunctionsEngine;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.handler.CoreServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The wave state machine running locally end to end: the one ASL file from {@code cfn/} (function ARNs substituted)
 * on the Step Functions runner, whose API is mounted on the simulator's edge as {@code states}, calling the in-process
 * query and execution handlers of a {@link HandlerRegistry}. Wait states run on the simulator's clock. The local
 * runtime mounts it through {@link WaveRuntimeExtension}; the end-to-end tests start it on their own stack here.
 *
 * <pre>{@code
 * try (WaveRuntime waves = WaveRuntime.start(simulator, env, CoreServices::from)) {
 *     RequestStreamHandler handler = waves.executionHandler();   // STATE_MACHINE_ARN already set
 * }
 * }</pre>
 */
public final class WaveRuntime implements AutoCloseable {
    /** Where the ASL file is on the classpath (copied from {@code cfn/} by the build). */
    public static final String DEFINITION = "cfn/state-machine.asl.json";
    /** Function name of the query handler. */
    public static final String QUERY_FUNCTION = "drs-orchestrator-query-handler";
    /** Function name of the execution handler. */
    public static final String EXECUTION_FUNCTION = "drs-orchestrator-execution-handler";
    /** The state machine's name. */
    public static final String STATE_MACHINE = "drs-orchestrator-wave-orchestration";
    /** Its role; the handlers' role patterns accept it. */
    public static final String ROLE_NAME = "StepFunctionsRole";

    private final StepFunctionsEngine engine;
    private final HandlerInvoker invoker;
    private final HandlerRegistry functions;
    private final Env env;

    private WaveRuntime(StepFunctionsEngine engine, HandlerInvoker invoker, HandlerRegistry functions, Env env) {
        this.engine = engine;
        this.invoker = invoker;
        this.functions = functions;
        this.env = env;
    }

    /**
     * Starts the runner on {@code simulator}: builds the query and execution handlers from {@code env} plus
     * {@code STATE_MACHINE_ARN}, mounts Step Functions on the simulator's edge and creates the state machine.
     *
     * @param services how core services are built from an environment (e.g. {@code CoreServices::from})
     */
    public static WaveRuntime start(Simulator simulator, Env env, Function<Env, CoreServices> services) {
        String accountId = simulator.fleet().hubAccountId().orElse("000000000000");
        Env withMachine = env.with("STATE_MACHINE_ARN", stateMachineArn(env.region(), accountId));
        HandlerRegistry functions = HandlerRegistry.fromEnvs(
                List.of(HandlerRegistry.QUERY_HANDLER, HandlerRegistry.EXECUTION_HANDLER), name -> withMachine,
                services);
        try {
            HandlerInvoker invoker = new HandlerInvoker(functions);
            return new WaveRuntime(mount(simulator, invoker, env.region(), accountId), invoker, functions,
                    withMachine);
        } catch (RuntimeException e) {
            functions.close();
            throw e;
        }
    }

    /** The ARN the state machine gets in a region and account (known before the handlers are built). */
    public static String stateMachineArn(String region, String accountId) {
        return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + STATE_MACHINE;
    }

    /**
     * Mounts a runner calling {@code invoker} on the simulator's edge and creates the state machine from the ASL
     * file; the caller closes the returned engine.
     */
    static StepFunctionsEngine mount(Simulator simulator, HandlerInvoker invoker, String region, String accountId) {
        StepFunctionsEngine engine = new StepFunctionsEngine(invoker, new SimStepClock(simulator.clock()),
                new StepFunctionsEngine.Settings(region, accountId, 32, 32));
        try {
            simulator.edge().mount(new StatesService(new StepFunctionsApi(engine)));
            String definition = definition()
                    .replace("${QueryHandlerArn}", invoker.functionArn(QUERY_FUNCTION))
                    .replace("${ExecutionHandlerArn}", invoker.functionArn(EXECUTION_FUNCTION));
            String arn = engine.createStateMachine(STATE_MACHINE, definition,
                    "arn:aws:iam::" + accountId + ":role/" + ROLE_NAME).stateMachineArn();
            if (!arn.equals(stateMachineArn(region, accountId))) {
                throw new IllegalStateException("the runner named the state machine " + arn + ", expected "
                        + stateMachineArn(region, accountId));
            }
            return engine;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** The ASL document exactly as in {@code cfn/}, with its substitutions still in place. */
    public static String definition() {
        try (InputStream in = WaveRuntime.class.getClassLoader().getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITION + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runner, for DescribeExecution, history and awaiting an execution's end in tests. */
    public StepFunctionsEngine engine() {
        return engine;
    }

    /** The invoker, for counting invocations and injecting Lambda service errors. */
    public HandlerInvoker invoker() {
        return invoker;
    }

    /** The state machine's ARN. */
    public String stateMachineArn() {
        return env.optional("STATE_MACHINE_ARN").orElseThrow();
    }

    /** The environment the handlers run with ({@code STATE_MACHINE_ARN} included). */
    public Env env() {
        return env;
    }

    /** The execution handler wired to this state machine (the one the API calls go to). */
    public RequestStreamHandler executionHandler() {
        return functions.handler(HandlerRegistry.EXECUTION_HANDLER).orElseThrow();
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            functions.close();
        }
    }
}
