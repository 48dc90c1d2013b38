/**
 * The local runtime's entry point: starts DynamoDB Local, the simulator with the Lambda and EventBridge APIs, the
 * in-process handlers and the REST API, and stops them all on Ctrl-C.
 */
package dev.drsorchestrator.local.runtime;
