package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Step Functions on one machine: creates state machines from ASL, runs executions asynchronously on a bounded pool,
 * and answers task tokens. {@link StepFunctionsApi} puts the AWS JSON protocol in front of it; tests may also use it
 * directly.
 *
 * <pre>{@code
 * try (StepFunctionsEngine engine = new StepFunctionsEngine(invoker, StepClock.system(), Settings.defaults())) {
 *     StateMachineInfo machine = engine.createStateMachine("waves", aslJson, roleArn);
 *     ExecutionSnapshot started = engine.startExecution(machine.stateMachineArn(), null, "{\"planId\":\"p-1\"}");
 *     ExecutionSnapshot done = engine.awaitCompletion(started.executionArn(), Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class StepFunctionsEngine implements AutoCloseable {

    /**
     * Where the engine claims to run and how much it runs at once. Each running execution holds a worker thread
     * while it waits (Wait states, task tokens), so {@code maxConcurrentExecutions} bounds executions in progress;
     * up to {@link #QUEUED_EXECUTIONS} more queue, RUNNING, until a worker frees up, and beyond that StartExecution
     * answers {@code ExecutionLimitExceeded}.
     *
     * @param region                  region in ARNs
     * @param accountId               12-digit account in ARNs
     * @param maxConcurrentExecutions worker threads for executions
     * @param maxConcurrentInvocations threads for Lambda invocations (beyond: Lambda.TooManyRequestsException)
     */
    public record Settings(String region, String accountId, int maxConcurrentExecutions,
            int maxConcurrentInvocations) {

        /** Validates the settings. */
        public Settings {
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("region must look like us-east-1, got " + region);
            }
            if (accountId == null || !accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, got " + accountId);
            }
            if (maxConcurrentExecutions < 1 || maxConcurrentInvocations < 1) {
                throw new IllegalArgumentException("concurrency limits must be positive");
            }
        }

        /** us-east-1, account 000000000000, 32 executions, 32 invocations at once. */
        public static Settings defaults() {
            return new Settings("us-east-1", "000000000000", 32, 32);
        }
    }

    /** Executions that may wait for a worker thread before StartExecution is refused. */
    public static final int QUEUED_EXECUTIONS = 1_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final LambdaInvoker invoker;
    private final StepClock clock;
    private final Settings settings;
    private final TaskTokens tokens = new TaskTokens();
    private final Map<String, Machine> machines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executionPool;
    private final ThreadPoolExecutor invokePool;

    private record Machine(StateMachineInfo info, StateMachineDefinition definition) {
    }

    /** Creates an engine; close it to stop its threads. */
    public StepFunctionsEngine(LambdaInvoker invoker, StepClock clock, Settings settings) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executionPool = pool("sfn-execution", settings.maxConcurrentExecutions(), QUEUED_EXECUTIONS);
        this.invokePool = pool("sfn-invoke", settings.maxConcurrentInvocations(), settings.maxConcurrentInvocations());
    }

    private static ThreadPoolExecutor pool(String prefix, int threads, int queue) {
        AtomicInteger counter = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queue), runnable -> {
                    Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Creates a state machine. Creating the same name with the same definition and role again returns the existing
     * one, as AWS does; a different definition under that name is {@code StateMachineAlreadyExists}.
     *
     * @throws StepFunctionsException {@code InvalidDefinition}, {@code InvalidName}, {@code InvalidArn}
     */
    public StateMachineInfo createStateMachine(String name, String definition, String roleArn) {
        requireName(name, "name");
        if (roleArn == null || !roleArn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
            throw new StepFunctionsException("InvalidArn", "roleArn must be an IAM role ARN, got " + roleArn);
        }
        if (definition == null) {
            throw new StepFunctionsException("ValidationException", "definition is required");
        }
        StateMachineDefinition parsed;
        try {
            parsed = DefinitionParser.parse(definition);
        } catch (InvalidDefinitionException e) {
            throw new StepFunctionsException("InvalidDefinition", e.getMessage());
        }
        String arn = "arn:aws:states:" + settings.region() + ":" + settings.accountId() + ":stateMachine:" + name;
        Machine created = new Machine(new StateMachineInfo(arn, name, definition, roleArn, clock.now()), parsed);
        Machine existing = machines.putIfAbsent(arn, created);
        if (existing == null) {
            return created.info();
        }
        if (existing.info().definition().equals(definition) && existing.info().roleArn().equals(roleArn)) {
            return existing.info();
        }
        throw new StepFunctionsException("StateMachineAlreadyExists", "a state machine named '" + name
                + "' exists with a different definition or role");
    }

    /** Every state machine, ordered by ARN. */
    public List<StateMachineInfo> listStateMachines() {
        return machines.values().stream().map(Machine::info)
                .sorted(java.util.Comparator.comparing(StateMachineInfo::stateMachineArn)).toList();
    }

    /** The state machine with this ARN. */
    public Optional<StateMachineInfo> describeStateMachine(String stateMachineArn) {
        return Optional.ofNullable(machines.get(stateMachineArn)).map(Machine::info);
    }

    /**
     * Starts an execution. A running execution of the same name and input is returned again (idempotent start);
     * any other reuse of the name is {@code ExecutionAlreadyExists}.
     *
     * @param name  the execution name, or null for a generated one
     * @param input JSON text, or null for {@code {}}
     */
    public ExecutionSnapshot startExecution(String stateMachineArn, String name, String input) {
        Machine machine = machines.get(stateMachineArn);
        if (machine == null) {
            throw new StepFunctionsException("StateMachineDoesNotExist", "state machine does not exist: "
                    + stateMachineArn);
        }
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        requireName(executionName, "name");
        JsonNode parsedInput = parseJson(input == null ? "{}" : input, "InvalidExecutionInput", "input");
        String arn = "arn:aws:states:" + settings.region() + ":" + settings.accountId() + ":execution:"
                + machine.info().name() + ":" + executionName;
        Execution execution = new Execution(arn, machine.info(), machine.definition(), executionName, parsedInput,
                clock.now());
        Execution existing = executions.putIfAbsent(arn, execution);
        if (existing != null) {
            if (existing.isRunning() && existing.input().equals(parsedInput)) {
                return existing.snapshot();
            }
            throw new StepFunctionsException("ExecutionAlreadyExists", "execution already exists: " + arn);
        }
        execution.record(execution.startDate(), "ExecutionStarted", RunContext.details()
                .put("input", parsedInput.toString()).put("roleArn", machine.info().roleArn()));
        RunContext run = new RunContext(execution, clock, invoker, invokePool, tokens, settings.region());
        try {
            execution.worker(executionPool.submit(new ExecutionRunner(run)));
        } catch (RejectedExecutionException e) {
            executions.remove(arn);
            throw new StepFunctionsException("ExecutionLimitExceeded", "more than "
                    + (settings.maxConcurrentExecutions() + QUEUED_EXECUTIONS) + " executions are running");
        }
        return execution.snapshot();
    }

    /** The execution with this ARN, as it is now. */
    public Optional<ExecutionSnapshot> describeExecution(String executionArn) {
        return Optional.ofNullable(executions.get(executionArn)).map(Execution::snapshot);
    }

    /** Aborts a running execution (a finished one is left as it is) and returns its state. */
    public ExecutionSnapshot stopExecution(String executionArn, String error, String cause) {
        Execution execution = execution(executionArn);
        execution.finish(clock.now(), ExecutionStatus.ABORTED, null, error, cause);
        tokens.closeAll(executionArn);
        return execution.snapshot();
    }

    /** Completes the waiting task of {@code taskToken} with {@code output} (JSON text). */
    public void sendTaskSuccess(String taskToken, String output) {
        JsonNode parsed = parseJson(output, "InvalidOutput", "output");
        tokens.succeed(taskToken, parsed);
    }

    /** Fails the waiting task of {@code taskToken}; {@code error} is what its Retry and Catch match. */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        tokens.fail(taskToken, error, cause);
    }

    /** Records a heartbeat for the waiting task of {@code taskToken}. */
    public void sendTaskHeartbeat(String taskToken) {
        tokens.heartbeat(taskToken, clock.now());
    }

    /** The executions of a state machine, newest first, optionally only those with {@code status}. */
    public List<ExecutionSnapshot> listExecutions(String stateMachineArn, ExecutionStatus status) {
        if (!machines.containsKey(stateMachineArn)) {
            throw new StepFunctionsException("StateMachineDoesNotExist", "state machine does not exist: "
                    + stateMachineArn);
        }
        return executions.values().stream()
                .map(Execution::snapshot)
                .filter(snapshot -> snapshot.stateMachineArn().equals(stateMachineArn))
                .filter(snapshot -> status == null || snapshot.status() == status)
                .sorted(Comparator.comparing(ExecutionSnapshot::startDate).reversed()
                        .thenComparing(ExecutionSnapshot::name))
                .toList();
    }

    /** The history of an execution so far, oldest first. */
    public List<HistoryEvent> history(String executionArn) {
        return execution(executionArn).history();
    }

    /**
     * Blocks until the execution has ended and returns its final state (for tests and scripts).
     *
     * @throws IllegalStateException when it is still running after {@code timeout} of real time
     */
    public ExecutionSnapshot awaitCompletion(String executionArn, Duration timeout) throws InterruptedException {
        try {
            return execution(executionArn).done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("execution " + executionArn + " still running after " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("execution " + executionArn + " ended abnormally", e.getCause());
        }
    }

    /** Stops the worker threads; running executions are interrupted and end ABORTED. */
    @Override
    public void close() {
        executions.values().forEach(execution -> execution.finish(clock.now(), ExecutionStatus.ABORTED, null,
                null, "the engine was shut down"));
        executionPool.shutdownNow();
        invokePool.shutdownNow();
    }

    private Execution execution(String executionArn) {
        Execution execution = executionArn == null ? null : executions.get(executionArn);
        if (execution == null) {
            throw new StepFunctionsException("ExecutionDoesNotExist", "execution does not exist: " + executionArn);
        }
        return execution;
    }

    private static void requireName(String name, String field) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new StepFunctionsException("InvalidName", field + " must be 1-80 characters of A-Z, a-z, 0-9, "
                    + "'-' and '_', got '" + name + "'");
        }
    }

    private static JsonNode parseJson(String text, String code, String field) {
        if (text == null) {
            throw new StepFunctionsException(code, field + " is required");
        }
        if (text.length() > ExecutionRunner.MAX_PAYLOAD_BYTES) {
            throw new StepFunctionsException(code, field + " is larger than 256 KB");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null) {
                throw new StepFunctionsException(code, field + " is empty; it must be JSON text");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new StepFunctionsException(code, field + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
