package dev.drsorchestrator.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.drsorchestrator.execution.ExecutionHandler;
import dev.drsorchestrator.local.sim.Simulator;
import dev.drsorchestrator.local.stepfunctions.StepFunctionsApi;
import dev.drsorchestrator.local.stepfunctions.StepFunctionsEngine;
import dev.drsorchestrator.query.QueryHandler;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.handler.CoreServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The wave state machine running locally end to end: the one ASL file from {@code cfn/} (function ARNs substituted)
 * on the Step Functions runner, whose API is mounted on the simulator's edge, calling the in-process query and
 * execution handlers. Wait states run on the simulator's clock. The local runtime and the end-to-end tests start it
 * the same way.
 *
 * <pre>{@code
 * try (WaveRuntime waves = WaveRuntime.start(simulator, env, CoreServices::from)) {
 *     ExecutionHandler handler = waves.executionHandler();   // STATE_MACHINE_ARN already set
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
    private final String stateMachineArn;
    private final Env env;
    private final ExecutionHandler executionHandler;

    private WaveRuntime(StepFunctionsEngine engine, HandlerInvoker invoker, String stateMachineArn, Env env,
            ExecutionHandler executionHandler) {
        this.engine = engine;
        this.invoker = invoker;
        this.stateMachineArn = stateMachineArn;
        this.env = env;
        this.executionHandler = executionHandler;
    }

    /**
     * Starts the runner on {@code simulator}: mounts Step Functions on its edge, creates the state machine and builds
     * both handlers from {@code env} plus {@code STATE_MACHINE_ARN}.
     *
     * @param services how core services are built from an environment (e.g. {@code CoreServices::from})
     */
    public static WaveRuntime start(Simulator simulator, Env env, Function<Env, CoreServices> services) {
        String accountId = simulator.fleet().hubAccountId().orElse("000000000000");
        HandlerInvoker invoker = new HandlerInvoker(env.region(), accountId);
        StepFunctionsEngine engine = new StepFunctionsEngine(invoker, new SimStepClock(simulator.clock()),
                new StepFunctionsEngine.Settings(env.region(), accountId, 32, 32));
        try {
            simulator.edge().mount(new StatesService(new StepFunctionsApi(engine)));
            String definition = definition()
                    .replace("${QueryHandlerArn}", invoker.functionArn(QUERY_FUNCTION))
                    .replace("${ExecutionHandlerArn}", invoker.functionArn(EXECUTION_FUNCTION));
            String arn = engine.createStateMachine(STATE_MACHINE, definition,
                    "arn:aws:iam::" + accountId + ":role/" + ROLE_NAME).stateMachineArn();
            Env withMachine = env.with("STATE_MACHINE_ARN", arn);
            ExecutionHandler execution = new ExecutionHandler(services.apply(withMachine));
            invoker.register(EXECUTION_FUNCTION, execution);
            invoker.register(QUERY_FUNCTION, (RequestStreamHandler) new QueryHandler(services.apply(withMachine)));
            return new WaveRuntime(engine, invoker, arn, withMachine, execution);
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
        return stateMachineArn;
    }

    /** The environment the handlers run with ({@code STATE_MACHINE_ARN} included). */
    public Env env() {
        return env;
    }

    /** The execution handler wired to this state machine (the one the API calls go to). */
    public ExecutionHandler executionHandler() {
        return executionHandler;
    }

    @Override
    public void close() {
        engine.close();
    }
}
