/**
 * Execution notifications: plain-text SNS messages that name plan, execution and wave, and never fail a recovery.
 */
package dev.drsorchestrator.shared.notification;
