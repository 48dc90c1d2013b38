package dev.drsorchestrator.local.stepfunctions;

/** The status of an execution, as the Step Functions API names it. */
public enum ExecutionStatus {
    /** Still running (or queued for a worker thread). */
    RUNNING,
    /** Reached a Succeed state or an End. */
    SUCCEEDED,
    /** Reached a Fail state or an uncaught error. */
    FAILED,
    /** Ran longer than the definition's TimeoutSeconds. */
    TIMED_OUT,
    /** Stopped by StopExecution. */
    ABORTED
}
