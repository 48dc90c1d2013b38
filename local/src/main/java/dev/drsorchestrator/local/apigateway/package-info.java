/**
 * API Gateway on loopback: the REST API of {@code cfn/openapi.yaml} in front of the in-process handlers, with the
 * Cognito authorizer, proxy events, CORS preflights and the gateway's own error answers emulated.
 */
package dev.drsorchestrator.local.apigateway;
