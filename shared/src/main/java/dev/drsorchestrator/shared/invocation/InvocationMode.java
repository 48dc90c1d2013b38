package dev.drsorchestrator.shared.invocation;

/** How a handler was reached; decides authentication (Cognito RBAC vs IAM) and the response shape. */
public enum InvocationMode {
    /** Through API Gateway with a Cognito-authorized user. */
    API_GATEWAY,
    /** Invoked directly by Step Functions, EventBridge or an operator with IAM permissions. */
    DIRECT_LAMBDA
}
