/**
 * AWS Elastic Disaster Recovery quotas and the planning of a wave into StartRecovery jobs that respect them.
 */
package dev.drsorchestrator.shared.drs;
