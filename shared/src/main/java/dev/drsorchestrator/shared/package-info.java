/**
 * The library the three DRS Orchestrator handlers share: configuration, JSON, AWS clients, principals, RBAC, audit,
 * validation, table stores, sync pipelines and wave rules.
 */
package dev.drsorchestrator.shared;
