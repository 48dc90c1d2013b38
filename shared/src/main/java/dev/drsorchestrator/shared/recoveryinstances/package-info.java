/**
 * Recovery-instance sync: caches every account's and region's DRS recovery instances in their table, so execution
 * pages and termination checks read one table instead of fanning out to DRS.
 */
package dev.drsorchestrator.shared.recoveryinstances;
