/**
 * The three handlers as local Lambda functions: a registry of the in-process handler instances and the Lambda Invoke
 * API that the simulator's edge serves for them.
 */
package dev.drsorchestrator.local.lambda;
