package dev.drsorchestrator.shared.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.execution.ExecutionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class CountedWriteTest {
    private final DynamoDbClient client = mock(DynamoDbClient.class);
    private final List<Long> sleeps = new ArrayList<>();
    private final CountedWrite writer = new CountedWrite(() -> client, sleeps::add);
    private final ExecutionCountStore counts = new ExecutionCountStore(() -> client, "counts");
    private final TransactWriteItem execution = TransactWriteItem.builder()
            .conditionCheck(c -> c.tableName("executions").conditionExpression("#s = :s")).build();
    private final TransactWriteItem count = counts.change(LocalDate.parse("2026-03-01"), ExecutionStatus.FAILED, 1);

    private static TransactionCanceledException cancelled(String... codes) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (String code : codes) {
            reasons.add(CancellationReason.builder().code(code).build());
        }
        return TransactionCanceledException.builder().message("cancelled").cancellationReasons(reasons).build();
    }

    /** The client fails each transaction with {@code failures} in turn, then commits the next one. */
    @SuppressWarnings("unchecked")
    private void answer(RuntimeException... failures) {
        var replies = when(client.transactWriteItems(any(Consumer.class)));
        for (RuntimeException failure : failures) {
            replies = replies.thenThrow(failure);
        }
        replies.thenReturn(TransactWriteItemsResponse.builder().build());
    }

    @Test
    @SuppressWarnings("unchecked")
    void commit_shouldRetryWithBackoffAndANewToken_whenTheDayItemIsBusy() {
        // GIVEN two conflicts on the day item, then success
        answer(cancelled("None", "TransactionConflict"), cancelled("None", "TransactionConflict"));

        // WHEN
        CountedWrite.Outcome outcome = writer.commit(execution, count);

        // THEN committed on the third attempt, after two growing pauses, each attempt with its own token
        assertThat(outcome).isEqualTo(CountedWrite.Outcome.COMMITTED);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(12L, 25L);
        assertThat(sleeps.get(1)).isBetween(25L, 50L);
        ArgumentCaptor<Consumer<TransactWriteItemsRequest.Builder>> requests = ArgumentCaptor.forClass(Consumer.class);
        verify(client, times(3)).transactWriteItems(requests.capture());
        List<TransactWriteItemsRequest> sent = requests.getAllValues().stream().map(r -> {
            TransactWriteItemsRequest.Builder builder = TransactWriteItemsRequest.builder();
            r.accept(builder);
            return builder.build();
        }).toList();
        assertThat(sent).extracting(TransactWriteItemsRequest::clientRequestToken).doesNotHaveDuplicates()
                .doesNotContainNull();
        assertThat(sent.get(0).transactItems()).containsExactly(execution, count);
    }

    @Test
    void commit_shouldReportTheFailedCondition_whenTheExecutionConditionFails() {
        // GIVEN the execution's condition fails
        answer(cancelled("ConditionalCheckFailed", "None"));

        // WHEN / THEN nothing is retried
        assertThat(writer.commit(execution, count)).isEqualTo(CountedWrite.Outcome.CONDITION_FAILED);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void commit_shouldRethrowTheCancellation_whenConflictsOutlastTheAttempts() {
        // GIVEN a day item busy on every attempt
        RuntimeException[] conflicts = new RuntimeException[CountedWrite.MAX_ATTEMPTS];
        for (int i = 0; i < conflicts.length; i++) {
            conflicts[i] = cancelled("TransactionConflict", "None");
        }
        answer(conflicts);

        // WHEN / THEN the last cancellation is rethrown (a transient error) after bounded, capped pauses
        assertThatThrownBy(() -> writer.commit(execution, count)).isInstanceOf(TransactionCanceledException.class);
        assertThat(sleeps).hasSize(CountedWrite.MAX_ATTEMPTS - 1)
                .allMatch(delay -> delay <= CountedWrite.MAX_DELAY_MILLIS);
    }

    @Test
    void commit_shouldRethrowAtOnce_whenCancelledForAnotherReason() {
        // GIVEN a validation error on the day item
        answer(cancelled("None", "ValidationError"));

        // WHEN / THEN
        assertThatThrownBy(() -> writer.commit(execution, count)).isInstanceOf(TransactionCanceledException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void change_shouldAddTheDeltaAndCountTheChange_onTheDayItem() {
        // WHEN
        TransactWriteItem item = counts.change(LocalDate.parse("2026-03-01"), ExecutionStatus.CANCELLED, -1);

        // THEN one ADD on the day item, with placeholders only
        assertThat(item.update().tableName()).isEqualTo("counts");
        assertThat(item.update().key()).isEqualTo(Map.of("day", AttributeValue.fromS("2026-03-01")));
        assertThat(item.update().updateExpression()).isEqualTo("ADD #count :delta, #changes :one");
        assertThat(item.update().expressionAttributeNames()).isEqualTo(Map.of("#count", "CANCELLED",
                "#changes", "changes"));
        assertThat(item.update().expressionAttributeValues()).isEqualTo(Map.of(":delta", AttributeValue.fromN("-1"),
                ":one", AttributeValue.fromN("1")));
    }
}
