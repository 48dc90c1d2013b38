/**
 * Execution and wave statuses with their transition tables, wave progress and completion, and the termination rule:
 * the pure decisions the query and execution handlers must make identically.
 */
package dev.drsorchestrator.shared.execution;
