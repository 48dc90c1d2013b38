/**
 * The domain model: immutable records for everything stored in DynamoDB and answered on the wire. Field names are
 * the wire contract's camelCase names ({@code cfn/openapi.yaml}); where a table key differs, the key name is used and
 * documented on the record. Absent (null) fields are omitted from stored items.
 */
package dev.drsorchestrator.shared.model;
