package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** One state of a parsed definition. {@code next} is empty for terminal states (End, Succeed, Fail). */
sealed interface State {

    String name();

    /** The ASL type name, used for history event types ({@code TaskStateEntered}). */
    String type();

    /** Pass: returns Result, or its effective input, through ResultPath and OutputPath. */
    record Pass(String name, StateIo io, Optional<JsonNode> result, Optional<String> next) implements State {
        public String type() {
            return "Pass";
        }
    }

    /** Task: invokes a Lambda function, with timeouts, Retry and Catch. */
    record Task(String name, StateIo io, TaskResource resource, long timeoutSeconds, Optional<Long> heartbeatSeconds,
            List<Retrier> retriers, List<Catcher> catchers, Optional<String> next) implements State {
        public String type() {
            return "Task";
        }
    }

    /** Choice: the first rule that holds names the next state, else Default. */
    record Choice(String name, StateIo io, List<Branch> branches, Optional<String> defaultNext) implements State {
        public String type() {
            return "Choice";
        }
    }

    /** One rule of a Choice with the state it leads to. */
    record Branch(ChoiceRule rule, String next) {
    }

    /** Wait: until a time given as seconds or a timestamp, literal or read from a path. */
    record Wait(String name, StateIo io, WaitSpec spec, Optional<String> next) implements State {
        public String type() {
            return "Wait";
        }
    }

    /** Succeed: ends the execution successfully. */
    record Succeed(String name, StateIo io) implements State {
        public String type() {
            return "Succeed";
        }
    }

    /** Fail: ends the execution with Error and Cause (literal or from ErrorPath/CausePath). */
    record Fail(String name, Optional<String> error, Optional<String> cause, Optional<JsonPath> errorPath,
            Optional<JsonPath> causePath) implements State {
        public String type() {
            return "Fail";
        }
    }

    /** How long a Wait state waits: exactly one of the four ASL fields. */
    record WaitSpec(Optional<Long> seconds, Optional<JsonPath> secondsPath, Optional<String> timestamp,
            Optional<JsonPath> timestampPath) {
    }

    /** A Retry entry; delay for attempt n (0-based) is IntervalSeconds × BackoffRate^n, capped by MaxDelaySeconds. */
    record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
            Optional<Double> maxDelaySeconds) {

        double delaySeconds(int attempt) {
            double delay = intervalSeconds * Math.pow(backoffRate, attempt);
            return maxDelaySeconds.map(max -> Math.min(max, delay)).orElse(delay);
        }
    }

    /** A Catch entry: on a matching error, the error output goes to ResultPath and execution continues at Next. */
    record Catcher(List<String> errorEquals, Optional<JsonPath> resultPath, String next) {
    }
}
