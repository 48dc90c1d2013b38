/**
 * How user-chosen names are compared for uniqueness.
 */
package dev.drsorchestrator.shared.naming;
