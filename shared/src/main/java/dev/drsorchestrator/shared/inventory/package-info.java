/**
 * Source-server inventory sync (seed 002): seven single-purpose units, a streaming parallel pipeline over them, the
 * sequential reference pipeline (equivalence oracle and rollback path) and the short orchestrator that picks one.
 */
package dev.drsorchestrator.shared.inventory;
