package dev.drsorchestrator.shared.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.execution.ExecutionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

class ExecutionCountStoreTest {

    @Test
    void dayOf_shouldGiveTheUtcDay_whenTheStartTimeIsAnIsoInstantOrDateTime() {
        assertThat(ExecutionCountStore.dayOf("2026-03-01T23:59:59.999Z")).contains(LocalDate.parse("2026-03-01"));
        assertThat(ExecutionCountStore.dayOf("2026-03-01T23:30:00-02:00")).contains(LocalDate.parse("2026-03-02"));
        assertThat(ExecutionCountStore.dayOf("2026-03-01T10:00:00")).contains(LocalDate.parse("2026-03-01"));
    }

    @Test
    void dayOf_shouldBeEmpty_whenTheStartTimeIsMissingOrNotADateTime() {
        assertThat(ExecutionCountStore.dayOf(null)).isEmpty();
        assertThat(ExecutionCountStore.dayOf(" ")).isEmpty();
        assertThat(ExecutionCountStore.dayOf("yesterday")).isEmpty();
    }

    @Test
    void countedStatus_shouldMatchOnlyTheFinishedWireNames_whenGivenAStoredStatus() {
        assertThat(ExecutionCountStore.countedStatus("COMPLETED")).contains(ExecutionStatus.COMPLETED);
        assertThat(ExecutionCountStore.countedStatus("TIMEOUT")).contains(ExecutionStatus.TIMEOUT);
        assertThat(ExecutionCountStore.countedStatus("RUNNING")).isEmpty();
        assertThat(ExecutionCountStore.countedStatus("completed")).isEmpty();
        assertThat(ExecutionCountStore.countedStatus(null)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void countsBetween_shouldSumEveryDayAndRetryUnprocessedKeys_whenTheBatchIsPartlyProcessed() {
        // GIVEN a client that answers one day first and leaves the other unprocessed, then answers it
        DynamoDbClient client = mock(DynamoDbClient.class);
        List<Long> sleeps = new ArrayList<>();
        ExecutionCountStore store = new ExecutionCountStore(() -> client, "counts", sleeps::add);
        Map<String, AttributeValue> second = Map.of("day", AttributeValue.fromS("2026-03-02"));
        when(client.batchGetItem(any(Consumer.class)))
                .thenReturn(BatchGetItemResponse.builder()
                        .responses(Map.of("counts", List.of(Map.of("day", AttributeValue.fromS("2026-03-01"),
                                "FAILED", AttributeValue.fromN("2"), "COMPLETED", AttributeValue.fromN("5")))))
                        .unprocessedKeys(Map.of("counts", KeysAndAttributes.builder().keys(List.of(second))
                                .consistentRead(true).build())).build())
                .thenReturn(BatchGetItemResponse.builder()
                        .responses(Map.of("counts", List.of(Map.of("day", AttributeValue.fromS("2026-03-02"),
                                "FAILED", AttributeValue.fromN("1"), "changes", AttributeValue.fromN("9")))))
                        .build());

        // WHEN
        Map<ExecutionStatus, Long> sums = store.countsBetween(LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-02"));

        // THEN both days are summed, every finished status present, after one pause
        assertThat(sums).containsExactlyInAnyOrderEntriesOf(Map.of(ExecutionStatus.CANCELLED, 0L, ExecutionStatus.COMPLETED, 5L,
                ExecutionStatus.PARTIAL, 0L, ExecutionStatus.FAILED, 3L, ExecutionStatus.TIMEOUT, 0L));
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void countsBetween_shouldRefuse_whenTheRangeIsEmptyOrTooLong() {
        ExecutionCountStore store = new ExecutionCountStore(() -> mock(DynamoDbClient.class), "counts");
        assertThatThrownBy(() -> store.countsBetween(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.countsBetween(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-04-11")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a count covers 1 to 100 days, not 101");
    }
}
