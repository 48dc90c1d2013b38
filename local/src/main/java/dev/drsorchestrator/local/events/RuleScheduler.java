package dev.drsorchestrator.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.lambda.HandlerRegistry;
import dev.drsorchestrator.local.lambda.InvocationOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the enabled scheduled rules on the simulator's clock: a background thread looks every {@code tick} of real time
 * for due rules and invokes each target function in-process with the target's {@code Input}, adding the rule ARN as
 * {@code invokedBy} (what our templates' input transformer passes), or with the scheduled event when the target has no
 * input. Because the clock may run accelerated or be advanced by hand, schedules follow simulated, not real, time.
 */
public final class RuleScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleScheduler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final EventRules rules;
    private final HandlerRegistry functions;
    private final Supplier<Instant> clock;
    private final ScheduledExecutorService ticker;
    private final AtomicLong invocations = new AtomicLong();

    /** A scheduler over {@code rules} invoking {@code functions}; call {@link #start} to begin ticking. */
    public RuleScheduler(EventRules rules, HandlerRegistry functions, Supplier<Instant> clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.functions = Objects.requireNonNull(functions, "functions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-rule-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts looking for due rules every {@code tick}. */
    public void start(Duration tick) {
        long millis = Math.max(10, tick.toMillis());
        ticker.scheduleWithFixedDelay(this::tickSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Fires every rule due now, in this thread; returns how many target invocations were made. */
    public int fireDue() {
        int count = 0;
        for (EventRule rule : rules.takeDue()) {
            for (RuleTarget target : rule.targets()) {
                fire(rule, target);
                count++;
            }
        }
        return count;
    }

    /** Target invocations made since start. */
    public long invocations() {
        return invocations.get();
    }

    private void tickSafely() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            LOG.error("Scheduled rule tick failed", e);
        }
    }

    private void fire(EventRule rule, RuleTarget target) {
        if (functions.resolve(target.arn()).isEmpty()) {
            LOG.warn("Rule {} target {} names {}, which is not a local function; skipped", rule.name(), target.id(),
                    target.arn());
            return;
        }
        String requestId = UUID.randomUUID().toString();
        byte[] event = event(rule, target);
        invocations.incrementAndGet();
        InvocationOutcome outcome = functions.invoke(target.arn(), event, requestId);
        if (outcome instanceof InvocationOutcome.Failed failed) {
            LOG.warn("Rule {} invocation {} of {} failed: {}", rule.name(), requestId, target.arn(), failed.errorType());
        } else {
            LOG.info("Rule {} invoked {} (request {})", rule.name(), target.arn(), requestId);
        }
    }

    private byte[] event(EventRule rule, RuleTarget target) {
        if (target.input() != null) {
            try {
                JsonNode input = MAPPER.readTree(target.input());
                if (input instanceof ObjectNode object && !object.has("invokedBy")) {
                    object.put("invokedBy", rule.arn());
                }
                return MAPPER.writeValueAsBytes(input);
            } catch (IOException e) {
                LOG.warn("Rule {} target {} Input is not JSON; passing it unchanged", rule.name(), target.id());
                return target.input().getBytes(StandardCharsets.UTF_8);
            }
        }
        ObjectNode scheduled = MAPPER.createObjectNode();
        scheduled.put("version", "0");
        scheduled.put("id", UUID.randomUUID().toString());
        scheduled.put("detail-type", "Scheduled Event");
        scheduled.put("source", "aws.events");
        scheduled.put("account", rule.accountId());
        scheduled.put("time", clock.get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        scheduled.put("region", rule.arn().split(":")[3]);
        scheduled.putArray("resources").add(rule.arn());
        scheduled.putObject("detail");
        return scheduled.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
