package dev.drsorchestrator.local.stepfunctions;

/**
 * An ASL document that cannot run: unknown state, missing Next, invalid path. Raised when the state machine is
 * created, so a broken definition never starts an execution; the message names the state and the field.
 */
final class InvalidDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the state and field. */
    InvalidDefinitionException(String message) {
        super(message);
    }
}
