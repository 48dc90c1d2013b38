package dev.drsorchestrator.tests.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.query.QueryOperations;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.tests.contract.OpenApiContract;
import dev.drsorchestrator.tests.support.Invoke;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Proof 2 of the read-only rule (ARCHITECTURE section 4): every query-handler operation runs against seeded tables and
 * the simulator; every table but the audit table is identical afterwards, the audit table gained exactly one record
 * per call, and the simulator saw only read calls.
 */
class QueryReadOnlyIT {
    /** Simulator operations that only read. */
    static final Pattern READ_CALL = Pattern.compile("[a-z0-9]+:(Describe|Get|List)[A-Za-z]*|sts:AssumeRole");

    private static QueryStack testbed;

    @BeforeAll
    static void start() {
        testbed = QueryStack.start();
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @Test
    void everyOperation_shouldChangeNoTableButTheAuditLog_whenRunOnceEach() {
        // GIVEN seeded tables, their snapshot, and fresh simulator counters
        List<QueryCalls.Call> calls = QueryCalls.all(testbed.fixtures());
        Map<String, List<Map<String, AttributeValue>>> before = testbed.stack().snapshotTables();
        testbed.stack().sim().counters().reset();
        // (the snapshot covers every table, the execution counts too, which the fixtures' finished execution filled)
        assertThat(before).containsOnlyKeys(testbed.stack().tables().keySet());
        assertThat(before.get(Table.EXECUTION_COUNTS.envVariable())).isNotEmpty();

        // WHEN every operation runs once
        List<String> failures = new ArrayList<>();
        for (QueryCalls.Call call : calls) {
            JsonNode response = Invoke.handler(testbed.handler(), call.event());
            int status = response.has("statusCode") && response.has("headers") ? response.get("statusCode").asInt()
                    : response.has("error") ? response.path("statusCode").asInt(500) : 200;
            if (status < 200 || status > 299) {
                failures.add(call.operation() + " -> " + status + " " + response);
            }
        }
        Map<String, List<Map<String, AttributeValue>>> after = testbed.stack().snapshotTables();

        // THEN all succeeded, no domain table changed, and the audit log holds one record per call
        assertThat(failures).isEmpty();
        String audit = Table.AUDIT_LOG.envVariable();
        after.forEach((table, items) -> {
            if (!table.equals(audit)) {
                assertThat(items).as(table).isEqualTo(before.get(table));
            }
        });
        assertThat(after.get(audit)).hasSize(before.get(audit).size() + calls.size());
        Map<String, Long> audited = after.get(audit).stream().filter(item -> !before.get(audit).contains(item))
                .collect(Collectors.groupingBy(item -> item.get("operation").s(), Collectors.counting()));
        assertThat(audited).isEqualTo(calls.stream().collect(Collectors.groupingBy(QueryCalls.Call::operation,
                Collectors.counting())));

        // AND the simulator saw reads only
        Set<String> simulatorCalls = testbed.stack().sim().counters().snapshot().callsByOperation().keySet();
        assertThat(simulatorCalls).isNotEmpty().allMatch(name -> READ_CALL.matcher(name).matches());
    }

    @Test
    void table_shouldServeExactlyTheContractsOperations_whenComparedWithOpenApi() {
        // GIVEN the contract's operations for query-handler
        OpenApiContract contract = OpenApiContract.load();
        Set<String> expected = contract.operationNamesOf("query-handler");

        // WHEN the handler's table is built
        List<Operation> operations = QueryOperations.table(testbed.stack().core()).operations();
        Set<String> names = new TreeSet<>();
        operations.forEach(op -> {
            names.add(op.name());
            names.addAll(op.aliases());
        });

        // THEN names, routes and permissions match the contract, and the IT above calls every one of them
        assertThat(names).isEqualTo(expected);
        for (OpenApiContract.Route route : contract.routesOf("query-handler")) {
            Operation op = operations.stream().filter(o -> o.name().equals(route.operationId())).findFirst()
                    .orElseThrow();
            assertThat(op.routes()).as(route.operationId())
                    .contains(new dev.drsorchestrator.shared.handler.Route(route.method(), route.path()));
            assertThat(op.permission().map(p -> p.wire())).as(route.operationId()).isEqualTo(route.permission());
        }
        assertThat(QueryCalls.all(testbed.fixtures()).stream().map(QueryCalls.Call::operation)
                .collect(Collectors.toSet())).isEqualTo(names);
    }
}
