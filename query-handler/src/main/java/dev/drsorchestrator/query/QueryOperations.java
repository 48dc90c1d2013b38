package dev.drsorchestrator.query;

import dev.drsorchestrator.query.executions.ExecutionQueries;
import dev.drsorchestrator.query.groups.GroupQueries;
import dev.drsorchestrator.query.plans.PlanQueries;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.waves.PollWaveStatus;
import dev.drsorchestrator.query.drs.DrsQueries;
import dev.drsorchestrator.query.ec2.Ec2Queries;
import dev.drsorchestrator.query.accounts.AccountQueries;
import dev.drsorchestrator.query.audit.AuditLogQueries;
import dev.drsorchestrator.query.config.ConfigQueries;
import dev.drsorchestrator.query.dashboard.DashboardQuery;
import dev.drsorchestrator.query.users.UserQueries;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.HealthCheck;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationTable;
import dev.drsorchestrator.shared.handler.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * The operation table of query-handler: wire names, permissions and routes of every read operation; public so the
 * cross-module tests can compare it with the contract.
 */
public final class QueryOperations {
    private QueryOperations() {
    }

    /** The table of a handler built from {@code services}. */
    public static OperationTable table(CoreServices services) {
        return table(QueryContext.from(services));
    }

    static OperationTable table(QueryContext context) {
        CoreServices services = context.core();
        List<Operation> operations = new ArrayList<>();
        operations.add(HealthCheck.operation("query-handler", services.clock(), Route.get("/health")));
        operations.addAll(GroupQueries.operations(context));
        operations.addAll(PlanQueries.operations(context));
        operations.addAll(ExecutionQueries.operations(context));
        operations.addAll(PollWaveStatus.operations(context));
        operations.addAll(DrsQueries.operations(context));
        operations.addAll(Ec2Queries.operations(context));
        operations.addAll(AccountQueries.operations(context));
        operations.addAll(ConfigQueries.operations(context));
        operations.addAll(UserQueries.operations(services.rbac()));
        operations.addAll(DashboardQuery.operations(context));
        operations.addAll(AuditLogQueries.operations(context));
        return new OperationTable(operations);
    }
}
