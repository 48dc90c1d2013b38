/**
 * The guided drill of {@code scripts/run-local.sh --demo}: a user's walk through the running local runtime over real
 * HTTP only (inventory sync through the Lambda Invoke API, then the public REST API), ending with a report.
 */
package dev.drsorchestrator.local.demo;
