/**
 * One store per DynamoDB table, on the low-level {@code DynamoDbClient}: optimistic locking on every user-editable
 * item, uniqueness and ownership claims written in the same transaction as their owner, index queries with the
 * DynamoDB page position exposed for {@code handler/Pagination}, and bulk inventory writes that count every failure.
 * Expressions are constants with {@code #name}/{@code :value} placeholders; user text only ever travels as a value.
 */
package dev.drsorchestrator.shared.store;
