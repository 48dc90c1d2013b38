package dev.drsorchestrator.tests.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/wire-contract.md honest: people read the catalogue, machines read cfn/openapi.yaml, and every route and
 * direct operation must say the same thing in both.
 */
final class WireContractCatalogueTest {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE");
    private static final String DIRECT_SECTION = "Direct operations";

    /** One row of a route table: the handler section it sits in and its first four cells. */
    private record RouteRow(String handler, String method, String path, String operationId, String permission) {
    }

    /** One row of the direct-operations table. */
    private record DirectRow(String name, String handler, String permission) {
    }

    private static JsonNode root;
    private static List<RouteRow> routeRows;
    private static List<DirectRow> directRows;

    @BeforeAll
    static void loadDocuments() {
        root = ContractDocuments.openApi();
        routeRows = new ArrayList<>();
        directRows = new ArrayList<>();
        String section = "";
        for (String line : ContractDocuments.catalogue().split("\n")) {
            if (line.startsWith("## ")) {
                section = line.substring(3).trim();
                continue;
            }
            if (!line.startsWith("| ")) {
                continue;
            }
            List<String> cells = cells(line);
            if (ContractDocuments.HANDLERS.contains(section) && HTTP_METHODS.contains(cells.get(0))) {
                routeRows.add(new RouteRow(section, cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
            } else if (DIRECT_SECTION.equals(section) && !"Name".equals(cells.get(0)) && !cells.get(0).startsWith("---")) {
                directRows.add(new DirectRow(cells.get(0), cells.get(1), cells.get(2)));
            }
        }
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")) {
            cells.add(cell.trim().replace("`", ""));
        }
        return cells;
    }

    @Test
    void routeTables_shouldListEveryRouteOnceUnderItsHandler_whenComparedWithOpenApi() {
        // GIVEN the routes of the OpenAPI document
        List<RouteRow> expected = ApiOperation.routes(root).stream().map(r -> new RouteRow(
                r.node().path("x-handler").asText(), r.method().toUpperCase(), r.path(), r.operationId(),
                r.node().has("x-required-permission") ? r.node().get("x-required-permission").asText() : "none"))
                .toList();
        // WHEN compared with the rows of the catalogue's handler tables
        // THEN they are the same rows: handler, method, path, operationId and permission
        assertThat(routeRows).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void directTable_shouldListEveryDirectOperation_whenComparedWithOpenApi() {
        // GIVEN the direct operations of the OpenAPI document
        JsonNode direct = root.path("x-direct-operations");
        List<DirectRow> expected = new ArrayList<>();
        direct.fields().forEachRemaining(e -> expected.add(new DirectRow(
                e.getKey(), e.getValue().path("handler").asText(), e.getValue().path("permission").asText())));
        // WHEN compared with the catalogue's direct-operations table THEN name, handler and permission agree
        assertThat(directRows).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void catalogue_shouldDescribeErrorsPaginationAndGroupAliases_whenRead() {
        // GIVEN the catalogue text
        Set<String> headings = ContractDocuments.catalogue().lines().filter(l -> l.startsWith("## "))
                .map(l -> l.substring(3).trim()).collect(Collectors.toSet());
        String text = ContractDocuments.catalogue();
        // WHEN its sections are listed THEN the error body, pagination, aliases and differences are all there
        assertThat(headings).contains("Error body", "Pagination", "Roles, permissions and Cognito groups",
                "Where we deliberately differ from the original, and why");
        assertThat(text).contains("DRSOrchestrationAdmin", "DRSRecoveryManager", "DRSPlanManager", "DRSOperator",
                "DRSReadOnly", "DRSAuditor", "nextToken", "\"message\"");
    }
}
