/** Scenario files (JSON or YAML) describing a fleet, its timings and faults, the loader and the scale generator. */
package dev.drsorchestrator.local.sim.scenario;
