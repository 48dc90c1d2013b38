package dev.drsorchestrator.local.stepfunctions;

import java.util.List;

/** ASL error-name matching for Retry and Catch, including the States.* wildcards. */
final class ErrorMatcher {

    static final String ALL = "States.ALL";
    static final String TASK_FAILED = "States.TaskFailed";

    private ErrorMatcher() {
    }

    /**
     * True when {@code error} is named, or covered by a wildcard: States.ALL (anything but States.Runtime and States.DataLimitExceeded),
     * States.TaskFailed (any task failure but a timeout), States.Timeout (also a heartbeat timeout).
     */
    static boolean matches(List<String> errorEquals, String error) {
        if (error.equals(StatesException.RUNTIME) || error.equals(ExecutionRunner.DATA_LIMIT_EXCEEDED)) {
            return false;
        }
        boolean timeout = error.equals(StatesException.TIMEOUT) || error.equals(StatesException.HEARTBEAT_TIMEOUT);
        for (String name : errorEquals) {
            if (name.equals(error) || name.equals(ALL)
                    || name.equals(TASK_FAILED) && !timeout
                    || name.equals(StatesException.TIMEOUT) && timeout) {
                return true;
            }
        }
        return false;
    }
}
