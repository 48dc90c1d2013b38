package dev.drsorchestrator.local.dynamodb;

/**
 * A CloudFormation template that cannot be read or does not describe what the reader needs. The message names the
 * template, the resource and the field, so a broken schema file is fixed from the message alone.
 */
public final class CfnTemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the template and the offending field. */
    public CfnTemplateException(String message) {
        super(message);
    }

    /** Creates the exception for a template that failed to parse. */
    public CfnTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
