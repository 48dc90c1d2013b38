/**
 * The local Cognito user pool: an in-memory RS256 issuer with its JWKS, and the verifier the API Gateway emulation
 * uses as its Cognito authorizer.
 */
package dev.drsorchestrator.local.auth;
