package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An engine on a virtual clock with scriptable Lambda functions, for tests of the runner. */
final class AslHarness implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String ROLE = "arn:aws:iam::000000000000:role/sfn";
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One recorded invocation. */
    record Call(String functionName, JsonNode payload, Instant at) {
    }

    final VirtualStepClock clock = new VirtualStepClock(T0);
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Function<JsonNode, LambdaResult>> functions = new ConcurrentHashMap<>();
    final StepFunctionsEngine engine = new StepFunctionsEngine(this::invoke, clock,
            StepFunctionsEngine.Settings.defaults());
    private int machines;

    private LambdaResult invoke(String name, JsonNode payload) {
        calls.add(new Call(name, payload, clock.now()));
        Function<JsonNode, LambdaResult> function = functions.get(name);
        if (function == null) {
            return new LambdaResult.FunctionError("Lambda.ResourceNotFoundException", "no function " + name);
        }
        return function.apply(payload);
    }

    AslHarness function(String name, Function<JsonNode, LambdaResult> function) {
        functions.put(name, function);
        return this;
    }

    static LambdaResult ok(String json) {
        return new LambdaResult.Success(json(json));
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** ASL written with ' for " and ` for ', for readability in Java strings. */
    static String asl(String readable) {
        return readable.replace('\'', '"').replace('`', '\'');
    }

    /** Creates a machine from readable ASL (see {@link #asl}) and starts it. */
    String start(String asl, String input) {
        String machine = engine.createStateMachine("m" + (++machines), asl(asl), ROLE)
                .stateMachineArn();
        return engine.startExecution(machine, "run", input).executionArn();
    }

    ExecutionSnapshot run(String asl, String input) throws InterruptedException {
        return engine.awaitCompletion(start(asl, input), Duration.ofSeconds(60));
    }

    ExecutionSnapshot await(String executionArn) throws InterruptedException {
        return engine.awaitCompletion(executionArn, Duration.ofSeconds(60));
    }

    List<HistoryEvent> events(String executionArn, String type) {
        return engine.history(executionArn).stream().filter(event -> event.type().equals(type)).toList();
    }

    /** Blocks until the execution has recorded an event of {@code type}; the bound only stops a hung test. */
    void awaitEvent(String executionArn, String type) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (events(executionArn, type).isEmpty()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("no " + type + " event in " + engine.history(executionArn));
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
