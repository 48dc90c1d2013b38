package dev.drsorchestrator.local.demo;

/** A step of the demo that cannot go on; the message is what the user reads, so it says what failed and why. */
final class DemoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DemoException(String message) {
        super(message);
    }

    DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
