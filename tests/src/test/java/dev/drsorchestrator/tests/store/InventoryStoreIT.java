package dev.drsorchestrator.tests.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.store.BatchWriteResult;
import dev.drsorchestrator.shared.store.InventoryStore;
import dev.drsorchestrator.shared.store.Page;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InventoryStoreIT {
    private static StoreFixture fixture;
    private static String table;

    @BeforeAll
    static void setUp() {
        fixture = StoreFixture.create("invstore");
        table = fixture.table("SOURCE_SERVER_INVENTORY_TABLE");
    }

    @AfterAll
    static void tearDown() {
        fixture.client.close();
    }

    @Test
    void writeAll_shouldWriteEveryItemWithExactCounts_whenBatchesComeBackPartlyUnprocessed() {
        // GIVEN 1,000 servers and a client that processes only 10 of each batch call
        UnprocessedClient throttled = new UnprocessedClient(fixture.client, 10);
        List<Long> sleeps = new CopyOnWriteArrayList<>();
        InventoryStore store = new InventoryStore(() -> throttled, table, 8, sleeps::add);
        List<InventoryServer> servers = servers("111111111111#us-east-1", "s-bulk-", 1000);

        // WHEN they are written
        BatchWriteResult result = store.writeAll(servers);

        // THEN every item is in the table, counts are exact, and unprocessed items were retried after a pause
        assertThat(result.successCount()).isEqualTo(1000);
        assertThat(result.failureCount()).isZero();
        assertThat(result.failedIds()).isEmpty();
        assertThat(throttled.batchWriteCalls.get()).isEqualTo(40 * 3);
        assertThat(sleeps).hasSize(40 * 2).allMatch(ms -> ms > 0);
        Set<String> stored = allIds(new InventoryStore(() -> fixture.client, table), "111111111111#us-east-1");
        assertThat(stored).hasSize(1000)
                .containsAll(servers.stream().map(InventoryServer::sourceServerId).toList());
        assertThat(new InventoryStore(() -> fixture.client, table).get("s-bulk-0007")).contains(servers.get(7));
    }

    @Test
    void writeAll_shouldCountEveryItemAsFailed_whenItemsStayUnprocessedAfterTheLastAttempt() {
        // GIVEN 30 servers and a client that never processes anything, with 3 attempts
        UnprocessedClient stuck = new UnprocessedClient(fixture.client, 0);
        List<Long> sleeps = new ArrayList<>();
        InventoryStore store = new InventoryStore(() -> stuck, table, 3, sleeps::add);
        List<InventoryServer> servers = servers("222222222222#us-west-2", "s-stuck-", 30);

        // WHEN they are written
        BatchWriteResult result = store.writeAll(servers);

        // THEN all 30 are reported failed by id, after 3 attempts per chunk with growing pauses
        assertThat(result.successCount()).isZero();
        assertThat(result.failureCount()).isEqualTo(30);
        assertThat(result.failedIds()).containsExactlyInAnyOrderElementsOf(
                servers.stream().map(InventoryServer::sourceServerId).toList());
        assertThat(stuck.batchWriteCalls.get()).isEqualTo(2 * 3);
        assertThat(sleeps).hasSize(2 * 2);
        assertThat(sleeps.get(1)).isGreaterThanOrEqualTo(50L);
    }

    @Test
    void writeAll_shouldCountInvalidItemsAsFailures_whenKeyFieldsAreMissing() {
        // GIVEN one valid server and one without accountRegion
        InventoryStore store = new InventoryStore(() -> fixture.client, table);
        InventoryServer valid = servers("333333333333#eu-west-1", "s-valid-", 1).get(0);
        InventoryServer invalid = server("s-invalid", null);

        // WHEN both are written
        BatchWriteResult result = store.writeAll(List.of(valid, invalid));

        // THEN one succeeds and the invalid one is counted by id
        assertThat(result).isEqualTo(new BatchWriteResult(1, 1, List.of("s-invalid")));
    }

    @Test
    void deleteStale_shouldRemoveOnlyServersOfThatAccountRegionNotKept() {
        // GIVEN 60 servers in one account-region and 5 in another
        InventoryStore store = new InventoryStore(() -> fixture.client, table);
        store.writeAll(servers("444444444444#us-east-1", "s-stale-", 60));
        store.writeAll(servers("444444444444#us-east-2", "s-other-", 5));
        Set<String> keep = IntStream.range(0, 10).mapToObj(i -> String.format("s-stale-%04d", i))
                .collect(Collectors.toSet());

        // WHEN stale servers of the first are removed
        int removed = store.deleteStale("444444444444#us-east-1", keep);

        // THEN 50 are gone, the kept 10 and the other region remain
        assertThat(removed).isEqualTo(50);
        assertThat(allIds(store, "444444444444#us-east-1")).isEqualTo(keep);
        assertThat(allIds(store, "444444444444#us-east-2")).hasSize(5);
    }

    @Test
    void getAll_shouldReturnEveryExistingServer_whenKeysComeBackUnprocessed() {
        // GIVEN 150 stored servers and a client answering 10 keys per batch get
        InventoryStore direct = new InventoryStore(() -> fixture.client, table);
        List<InventoryServer> servers = servers("555555555555#us-east-1", "s-get-", 150);
        direct.writeAll(servers);
        UnprocessedClient partial = new UnprocessedClient(fixture.client, 10);
        InventoryStore store = new InventoryStore(() -> partial, table, 20, ms -> { });
        Set<String> wanted = new HashSet<>(servers.stream().map(InventoryServer::sourceServerId).toList());
        wanted.add("s-get-missing");

        // WHEN they are read by id
        List<InventoryServer> found = store.getAll(wanted);

        // THEN every existing one comes back once and the missing id is simply absent
        assertThat(found).containsExactlyInAnyOrderElementsOf(servers);
        assertThat(partial.batchGetCalls.get()).isGreaterThan(2);
    }

    @Test
    void listByAccountRegion_shouldPageThroughAllServers_whenLimitIsSmall() {
        // GIVEN 7 servers in one account-region
        InventoryStore store = new InventoryStore(() -> fixture.client, table);
        store.writeAll(servers("666666666666#ap-south-1", "s-list-", 7));

        // WHEN read 3 per page, passing the position through the JSON a token would carry
        List<String> ids = new ArrayList<>();
        Optional<ObjectNode> start = Optional.empty();
        do {
            Page<InventoryServer> page = store.listByAccountRegion("666666666666#ap-south-1", 3, start);
            page.items().forEach(s -> ids.add(s.sourceServerId()));
            start = page.lastEvaluatedKey().map(key -> (ObjectNode) Json.mapper().valueToTree(key));
        } while (start.isPresent());

        // THEN all 7 come in id order
        assertThat(ids).containsExactly("s-list-0000", "s-list-0001", "s-list-0002", "s-list-0003", "s-list-0004",
                "s-list-0005", "s-list-0006");
    }

    private static Set<String> allIds(InventoryStore store, String accountRegion) {
        Set<String> ids = new HashSet<>();
        Optional<ObjectNode> start = Optional.empty();
        do {
            Page<InventoryServer> page = store.listByAccountRegion(accountRegion, 100, start);
            page.items().forEach(s -> ids.add(s.sourceServerId()));
            start = page.lastEvaluatedKey();
        } while (start.isPresent());
        return ids;
    }

    private static List<InventoryServer> servers(String accountRegion, String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> server(String.format("%s%04d", prefix, i), accountRegion))
                .toList();
    }

    private static InventoryServer server(String id, String accountRegion) {
        String account = accountRegion == null ? null : accountRegion.substring(0, accountRegion.indexOf('#'));
        String region = accountRegion == null ? null : accountRegion.substring(accountRegion.indexOf('#') + 1);
        return new InventoryServer(id, account, region, accountRegion, "host-" + id, id + ".corp.example", "web",
                "i-0abc", "10.0.0.1", "", "us-east-1", account, "us-east-1a", null, "LINUX", "t3.medium", "running",
                "CONTINUOUS", "PT1S", "2026-11-22T09:59:00Z", null, 123_456_789_012L, null, null,
                Map.of("Tier", "web"), Map.of("Name", "web", "Empty", ""), "2026-11-22T10:00:00Z");
    }
}
