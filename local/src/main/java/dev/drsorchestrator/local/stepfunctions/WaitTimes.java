package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;

/** When a Wait state ends, from Seconds, SecondsPath, Timestamp or TimestampPath. */
final class WaitTimes {

    private WaitTimes() {
    }

    static Instant until(State.WaitSpec spec, JsonNode input, JsonNode context, Instant entered) {
        if (spec.seconds().isPresent()) {
            return entered.plusSeconds(spec.seconds().get());
        }
        if (spec.secondsPath().isPresent()) {
            JsonNode value = spec.secondsPath().get().read(input, context, "SecondsPath");
            if (!value.isIntegralNumber() || value.asLong() < 0) {
                throw StatesException.runtime("SecondsPath '" + spec.secondsPath().get()
                        + "' must point at a non-negative integer, got " + value);
            }
            return entered.plusSeconds(value.asLong());
        }
        if (spec.timestamp().isPresent()) {
            return ChoiceRule.timestamp(TextNode.valueOf(spec.timestamp().get()))
                    .orElseThrow();
        }
        JsonNode value = spec.timestampPath().orElseThrow().read(input, context, "TimestampPath");
        return ChoiceRule.timestamp(value).orElseThrow(() -> StatesException.runtime("TimestampPath '"
                + spec.timestampPath().get() + "' must point at an RFC 3339 timestamp, got " + value));
    }
}
