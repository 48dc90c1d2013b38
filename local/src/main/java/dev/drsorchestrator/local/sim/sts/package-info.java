/** Simulated AWS STS (query protocol, 2011-06-15): AssumeRole with external ids, GetCallerIdentity. */
package dev.drsorchestrator.local.sim.sts;
