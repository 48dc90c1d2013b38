/**
 * The local EventBridge: rules on the default bus, their AWS JSON 1.1 API on the simulator's edge, schedule
 * expressions evaluated on the simulator's clock, and the rules of the {@code cfn/} templates loaded at start.
 */
package dev.drsorchestrator.local.events;
