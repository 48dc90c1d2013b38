package dev.drsorchestrator.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiContractTest {
    private static final ApiContract CONTRACT = ApiContract.fromClasspath();

    @Test
    void match_shouldRouteByMethodAndTemplate_toTheContractsHandler() {
        ApiContract.Matched health = CONTRACT.match("GET", "/health").orElseThrow();
        assertThat(health.route().handler()).isEqualTo("query-handler");
        assertThat(health.route().authorized()).isFalse();

        ApiContract.Matched pause = CONTRACT.match("POST", "/executions/ex-1/pause").orElseThrow();
        assertThat(pause.route().resource()).isEqualTo("/executions/{id}/pause");
        assertThat(pause.route().handler()).isEqualTo("execution-handler");
        assertThat(pause.route().authorized()).isTrue();
        assertThat(pause.pathParameters()).isEqualTo(Map.of("id", "ex-1"));
    }

    @Test
    void match_shouldPreferLiteralSegments_overPathParameters() {
        ApiContract.Matched discover = CONTRACT.match("GET", "/accounts/targets/222222222222/staging-accounts/discover")
                .orElseThrow();
        assertThat(discover.route().resource()).isEqualTo("/accounts/targets/{id}/staging-accounts/discover");
        assertThat(discover.pathParameters()).isEqualTo(Map.of("id", "222222222222"));
    }

    @Test
    void match_shouldDecodePathParameters_andMissUnknownRoutes() {
        assertThat(CONTRACT.match("GET", "/protection-groups/pg%201").orElseThrow().pathParameters())
                .isEqualTo(Map.of("id", "pg 1"));
        assertThat(CONTRACT.match("GET", "/nothing")).isEmpty();
        assertThat(CONTRACT.match("PATCH", "/health")).isEmpty();
        assertThat(CONTRACT.match("GET", "/protection-groups//launch-config-status")).isEmpty();
    }

    @Test
    void preflight_shouldAnswerTheMockMethodsOfTheResource() {
        assertThat(CONTRACT.preflight("/health").orElseThrow().allowMethods()).isEqualTo("GET,OPTIONS");
        assertThat(CONTRACT.preflight("/protection-groups").orElseThrow().allowMethods()).isEqualTo("GET,POST,OPTIONS");
        assertThat(CONTRACT.preflight("/nowhere")).isEmpty();
    }

    @Test
    void routes_shouldAllNameOneOfTheThreeHandlers() {
        assertThat(CONTRACT.routes()).isNotEmpty().allSatisfy(route -> assertThat(route.handler())
                .isIn("query-handler", "data-management-handler", "execution-handler"));
        assertThat(CONTRACT.routes()).filteredOn(route -> route.method().equals("GET"))
                .allSatisfy(route -> assertThat(route.handler()).isEqualTo("query-handler"));
    }
}
