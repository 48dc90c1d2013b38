/** The loopback-only {@code /_control} endpoint: load scenarios, move the clock, inject faults, read counters. */
package dev.drsorchestrator.local.sim.control;
