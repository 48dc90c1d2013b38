package dev.drsorchestrator.query.support;

import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.Pagination;
import dev.drsorchestrator.shared.store.Stores;
import java.time.Clock;

/**
 * Everything a read operation may touch, built once per execution environment: the core services, the table stores
 * (whose read methods only are used here; the architecture test enforces it), the gateways, and raw table reads.
 *
 * @param core     core services of the handler
 * @param stores   table stores
 * @param gateways AWS gateways
 * @param reads    scans and index queries the stores do not offer
 */
public record QueryContext(CoreServices core, Stores stores, Gateways gateways, TableReads reads) {

    /** The context of a handler's core services. */
    public static QueryContext from(CoreServices core) {
        return new QueryContext(core, Stores.from(core), Gateways.from(core), new TableReads(core.clients()::dynamoDb));
    }

    /** The page-token codec. */
    public Pagination pagination() {
        return core.pagination();
    }

    /** The time source. */
    public Clock clock() {
        return core.clock();
    }

    /** The physical name of a table. */
    public String table(Table table) {
        return core.env().tableName(table);
    }

    /** The hub account id ({@code AWS_ACCOUNT_ID}), or null when it is not configured. */
    public String hubAccountId() {
        return core.env().optional("AWS_ACCOUNT_ID").orElse(null);
    }

    /** Targets resolver bound to this context. */
    public Targets targets() {
        return new Targets(this);
    }
}
