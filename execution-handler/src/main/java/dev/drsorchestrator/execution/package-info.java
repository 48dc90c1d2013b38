/**
 * The execution handler: recovery actions and wave writes.
 */
package dev.drsorchestrator.execution;
