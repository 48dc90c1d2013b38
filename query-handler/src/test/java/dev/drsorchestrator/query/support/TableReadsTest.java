package dev.drsorchestrator.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class TableReadsTest {
    private static final Map<String, AttributeValue> LAST = Map.of("accountId", AttributeValue.fromS("1"));
    private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    private final TableReads reads = new TableReads(() -> dynamoDb);

    private static Map<String, AttributeValue> item(String id) {
        return Map.of("accountId", AttributeValue.fromS(id));
    }

    @Test
    void countAll_shouldAddTheCountsOfEveryPage_whenTheScanIsPaged() {
        // GIVEN two pages of a COUNT scan
        when(dynamoDb.scan(any(ScanRequest.class))).thenReturn(
                ScanResponse.builder().count(7).lastEvaluatedKey(LAST).build(),
                ScanResponse.builder().count(3).build());
        // WHEN
        int count = reads.countAll("plans");
        // THEN
        assertThat(count).isEqualTo(10);
        ArgumentCaptor<ScanRequest> scans = ArgumentCaptor.forClass(ScanRequest.class);
        verify(dynamoDb, org.mockito.Mockito.times(2)).scan(scans.capture());
        assertThat(scans.getAllValues()).allSatisfy(scan -> assertThat(scan.select()).isEqualTo(Select.COUNT));
        assertThat(scans.getAllValues().get(1).exclusiveStartKey()).isEqualTo(LAST);
    }

    @Test
    void scanAll_shouldReturnTheItemsOfEveryPage_whenTheScanIsPaged() {
        // GIVEN two pages
        when(dynamoDb.scan(any(ScanRequest.class))).thenReturn(
                ScanResponse.builder().items(item("1")).lastEvaluatedKey(LAST).build(),
                ScanResponse.builder().items(item("2"), item("3")).build());
        // WHEN
        List<Map<String, AttributeValue>> items = reads.scanAll("region-status");
        // THEN
        assertThat(items).containsExactly(item("1"), item("2"), item("3"));
    }

    @Test
    void newestProjected_shouldProjectEveryNamedAttribute_andReadNewestFirst() {
        // GIVEN
        when(dynamoDb.query(any(QueryRequest.class))).thenReturn(QueryResponse.builder().items(item("1")).build());
        // WHEN
        List<Map<String, AttributeValue>> items = reads.newestProjected("executions", "StatusIndex",
                "#status = :status", Map.of("#status", "status", "#planName", "planName"),
                Map.of(":status", AttributeValue.fromS("FAILED")), 10);
        // THEN
        assertThat(items).containsExactly(item("1"));
        ArgumentCaptor<QueryRequest> query = ArgumentCaptor.forClass(QueryRequest.class);
        verify(dynamoDb).query(query.capture());
        assertThat(query.getValue().projectionExpression().split(", "))
                .containsExactlyInAnyOrder("#status", "#planName");
        assertThat(query.getValue().scanIndexForward()).isFalse();
        assertThat(query.getValue().limit()).isEqualTo(10);
        assertThat(query.getValue().indexName()).isEqualTo("StatusIndex");
    }
}
