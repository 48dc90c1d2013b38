package dev.drsorchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.invocation.Invocation;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeleteExecutionsTest {
    private static final String A = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String B = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private static OperationRequest request(Map<String, String> query, Object body) {
        Invocation invocation = mock(Invocation.class);
        when(invocation.body()).thenReturn(body == null ? null : Json.mapper().valueToTree(body));
        when(invocation.queryParameters()).thenReturn(query);
        when(invocation.principal()).thenReturn(new Principal.Unknown());
        return new OperationRequest(invocation, Map.of(), "req-1");
    }

    @Test
    void ids_shouldBeEmpty_whenNoIdsAreGiven() {
        // GIVEN no query parameter and no body WHEN the ids are read THEN the request means "every finished one"
        assertThat(DeleteExecutions.ids(request(Map.of(), null))).isEmpty();
    }

    @Test
    void ids_shouldSplitTrimAndDeduplicate_whenAQueryListIsGiven() {
        // GIVEN a comma-separated list with blanks and a repeat WHEN read THEN each id once, in order
        assertThat(DeleteExecutions.ids(request(Map.of("ids", A + ", " + B + "," + A), null)))
                .contains(List.of(A, B));
    }

    @Test
    void ids_shouldAcceptAnArray_whenInvokedDirectly() {
        // GIVEN a direct invocation body with an array WHEN read THEN the ids are taken from it
        assertThat(DeleteExecutions.ids(request(Map.of(), Map.of("ids", List.of(B))))).isEqualTo(Optional.of(
                List.of(B)));
    }

    @Test
    void ids_shouldRejectNamingTheField_whenAnIdIsMalformedEmptyOrTooMany() {
        // GIVEN malformed, empty and oversized lists WHEN read THEN each is a 400 naming 'ids' and the rule
        assertThatThrownBy(() -> DeleteExecutions.ids(request(Map.of("ids", A + ",not-an-id"), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'ids'").hasMessageContaining(
                        "'not-an-id' is not one");
        assertThatThrownBy(() -> DeleteExecutions.ids(request(Map.of("ids", ""), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'ids'");
        String many = String.join(",", Collections.nCopies(101, A));
        assertThatThrownBy(() -> DeleteExecutions.ids(request(Map.of("ids", many), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> DeleteExecutions.ids(request(Map.of(), Map.of("ids", 5))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'ids'");
    }
}
