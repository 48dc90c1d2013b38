/**
 * Recovery plan structure rules: the ordering and dependencies of waves.
 */
package dev.drsorchestrator.shared.plan;
