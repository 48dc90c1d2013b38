/**
 * A runner for Amazon States Language: the wave state machine is one ASL file in {@code cfn/}, deployed by
 * CloudFormation and executed here locally with the same semantics (paths, intrinsics, Retry/Catch, timeouts,
 * task tokens), reachable through the Step Functions JSON API.
 */
package dev.drsorchestrator.local.stepfunctions;
