package dev.drsorchestrator.local.stepfunctions;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Lambda integrations the runner supports: the optimised {@code arn:aws:states:::lambda:invoke} (result wrapped
 * as the Invoke response, {@code Payload} holding the function's result), its {@code .waitForTaskToken} form, and a
 * plain Lambda function ARN (result is the function's result).
 *
 * @param kind     which integration
 * @param resource the Resource field as written
 */
record TaskResource(Kind kind, String resource) {

    enum Kind { LAMBDA_INVOKE, LAMBDA_INVOKE_WAIT_FOR_TOKEN, LAMBDA_FUNCTION }

    private static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?");

    static Optional<TaskResource> parse(String resource) {
        if (resource.matches("arn:aws[a-z-]*:states:::lambda:invoke")) {
            return Optional.of(new TaskResource(Kind.LAMBDA_INVOKE, resource));
        }
        if (resource.matches("arn:aws[a-z-]*:states:::lambda:invoke\\.waitForTaskToken")) {
            return Optional.of(new TaskResource(Kind.LAMBDA_INVOKE_WAIT_FOR_TOKEN, resource));
        }
        if (FUNCTION_ARN.matcher(resource).matches()) {
            return Optional.of(new TaskResource(Kind.LAMBDA_FUNCTION, resource));
        }
        return Optional.empty();
    }

    boolean waitsForToken() {
        return kind == Kind.LAMBDA_INVOKE_WAIT_FOR_TOKEN;
    }
}
