/** Simulated AWS IAM (query protocol, 2010-05-08): ListInstanceProfiles. */
package dev.drsorchestrator.local.sim.iam;
