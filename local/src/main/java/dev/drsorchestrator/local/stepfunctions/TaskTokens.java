package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The task tokens of {@code .waitForTaskToken} tasks that wait for SendTaskSuccess/Failure/Heartbeat. A token that
 * has been answered or has timed out is remembered for a while, so a late caller hears TaskTimedOut or
 * TaskDoesNotExist as from AWS.
 */
final class TaskTokens {

    /** How a waiting task ended: an output, or an error with its cause. */
    record Outcome(JsonNode output, String error, String cause) {
    }

    /** One waiting task. */
    static final class Slot {
        final String token;
        final String executionArn;
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        private volatile Instant lastHeartbeat;

        Slot(String token, String executionArn, Instant created) {
            this.token = token;
            this.executionArn = executionArn;
            this.lastHeartbeat = created;
        }

        Instant lastHeartbeat() {
            return lastHeartbeat;
        }

        void beat(Instant now) {
            lastHeartbeat = now;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,1024}");
    private static final int REMEMBERED = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Slot> open = new ConcurrentHashMap<>();
    private final Map<String, String> closed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    });

    Slot open(String executionArn, Instant now) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Slot slot = new Slot(token, executionArn, now);
        open.put(token, slot);
        return slot;
    }

    /** Closes a token for good; {@code reason} is the error a later caller gets (TaskTimedOut, TaskDoesNotExist). */
    void close(Slot slot, String reason) {
        open.remove(slot.token);
        closed.put(slot.token, reason);
    }

    /** Closes a token whose task ended some other way (its attempt failed, the execution stopped). */
    void closeIfOpen(Slot slot) {
        if (open.remove(slot.token) != null) {
            closed.put(slot.token, "TaskDoesNotExist");
        }
    }

    /** Closes every open token of an execution that has ended. */
    void closeAll(String executionArn) {
        open.values().stream().filter(slot -> slot.executionArn.equals(executionArn)).toList()
                .forEach(this::closeIfOpen);
    }

    void succeed(String token, JsonNode output) {
        complete(token, new Outcome(output, null, null));
    }

    void fail(String token, String error, String cause) {
        complete(token, new Outcome(null, error == null ? "" : error, cause == null ? "" : cause));
    }

    void heartbeat(String token, Instant now) {
        lookup(token).beat(now);
    }

    private void complete(String token, Outcome outcome) {
        Slot slot = lookup(token);
        if (!slot.outcome.complete(outcome)) {
            throw new StepFunctionsException("TaskDoesNotExist", "the task of this token has already completed");
        }
        close(slot, "TaskDoesNotExist");
    }

    private Slot lookup(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new StepFunctionsException("InvalidToken", "taskToken is not a valid task token");
        }
        Slot slot = open.get(token);
        if (slot != null) {
            return slot;
        }
        String reason = closed.get(token);
        if ("TaskTimedOut".equals(reason)) {
            throw new StepFunctionsException("TaskTimedOut", "the task of this token has timed out");
        }
        throw new StepFunctionsException("TaskDoesNotExist", "no task is waiting for this token");
    }
}
