/**
 * Staging-account sync: extends the servers of every target account's staging accounts into the target account, per
 * server, idempotently.
 */
package dev.drsorchestrator.shared.staging;
