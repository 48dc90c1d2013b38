/**
 * One store per DynamoDB table, on the low-level {@code DynamoDbClient}: optimistic locking on every user-editable
 * item, uniqueness and ownership claims written in the same transaction as their owner, index queries with the
 * DynamoDB page position exposed for {@code handler/Pagination}, and bulk inventory writes that count every failure.
 * Expressions are constants with {@code #name}/{@code :value} placeholders; user text only ever travels as a value.
 *
 * <pre>{@code
 * Stores stores = Stores.from(core);                       // once, in the handler's constructor
 * ProtectionGroup created = stores.protectionGroups().create(group);          // version 1, claims taken
 * ProtectionGroup saved = stores.protectionGroups().update(edited, created.version());  // 409 if stale
 * Page<Execution> page = stores.executions().listByPlan(planId, limit, position);
 * String next = pagination.nextToken(page.lastEvaluatedKey().orElse(null), query);
 * }</pre>
 *
 * <p>docs/data-model.md ("Stores") lists the claim keys and the locking and wave-update rules.
 */
package dev.drsorchestrator.shared.store;
