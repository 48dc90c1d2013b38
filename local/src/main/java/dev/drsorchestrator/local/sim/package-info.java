/**
 * An AWS-compatible simulator (DRS, EC2, IAM, STS, SNS) on one loopback port, backed by a simulated fleet.
 * Start it with {@link dev.drsorchestrator.local.sim.Simulator#start(SimulatorOptions)} and point SDK clients at
 * {@link dev.drsorchestrator.local.sim.Simulator#endpoint()}.
 */
package dev.drsorchestrator.local.sim;
