package dev.drsorchestrator.local.stepfunctions;

import java.util.Map;
import java.util.Optional;

/**
 * A validated ASL document: every transition names a state, every path and function parses.
 *
 * @param startAt        the first state
 * @param states         states by name
 * @param timeoutSeconds the execution's TimeoutSeconds, if the definition sets one
 */
record StateMachineDefinition(String startAt, Map<String, State> states, Optional<Long> timeoutSeconds) {

    StateMachineDefinition {
        states = Map.copyOf(states);
    }

    State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalStateException("validated definition has no state " + name);
        }
        return state;
    }
}
