package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a Task state reaches a Lambda function. The local runtime plugs in the in-process handlers; tests plug in
 * small functions. A function error is returned, not thrown, so its error type becomes the ASL error name that
 * Retry and Catch match ({@code Lambda.ServiceException}, or the handler's own type).
 */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * Invokes a function synchronously.
     *
     * @param functionName the name or ARN from the Task (Parameters.FunctionName or the Resource ARN)
     * @param payload      the event
     * @return the function's result or its error
     */
    LambdaResult invoke(String functionName, JsonNode payload);
}
