/**
 * The read-only query handler.
 */
package dev.drsorchestrator.query;
