/**
 * The simulated fleet as immutable records: accounts, regions, source servers, EC2 resources, jobs and recovery
 * instances. {@link dev.drsorchestrator.local.sim.model.Fleet} owns the mutable state and swaps records atomically.
 */
package dev.drsorchestrator.local.sim.model;
