package dev.drsorchestrator.shared.config;

/**
 * Thrown at start-up when a required environment variable is absent or malformed; handlers rethrow it so Lambda
 * replaces the broken execution environment instead of serving requests half-configured.
 */
public final class MissingConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingConfigurationException(String message) {
        super(message);
    }
}
