/**
 * The common result type of the pure domain rules: a {@link dev.drsorchestrator.shared.rules.Violation} says which
 * field broke which rule, so every handler maps it to the same client error.
 */
package dev.drsorchestrator.shared.rules;
