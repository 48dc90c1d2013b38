package dev.drsorchestrator.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import dev.drsorchestrator.shared.model.WaveExecution;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ItemMapperProperties {
    private final ItemMapper<ProtectionGroup> groups = new ItemMapper<>(ProtectionGroup.class);
    private final ItemMapper<Execution> executions = new ItemMapper<>(Execution.class);
    private final ItemMapper<InventoryServer> servers = new ItemMapper<>(InventoryServer.class);

    @Property(tries = 300)
    void roundTrip_shouldReturnAnEqualGroup_forAnyProtectionGroup(@ForAll("groups") ProtectionGroup group) {
        // GIVEN any group WHEN mapped to an item and back THEN it is equal and no attribute is a null
        var item = groups.toItem(group);
        assertThat(groups.fromItem(item)).isEqualTo(group);
        assertThat(item.values()).noneMatch(v -> Boolean.TRUE.equals(v.nul()));
    }

    @Property(tries = 300)
    void roundTrip_shouldReturnAnEqualExecution_forAnyExecution(@ForAll("executions") Execution execution) {
        // GIVEN any execution WHEN mapped to an item and back THEN it is equal
        assertThat(executions.fromItem(executions.toItem(execution))).isEqualTo(execution);
    }

    @Property(tries = 300)
    void roundTrip_shouldReturnAnEqualServer_forAnyInventoryServer(@ForAll("servers") InventoryServer server) {
        // GIVEN any server WHEN mapped to an item and back THEN it is equal, numbers exact
        var item = servers.toItem(server);
        assertThat(servers.fromItem(item)).isEqualTo(server);
        if (server.replicatedStorageBytes() != null) {
            assertThat(item.get("replicatedStorageBytes").n()).isEqualTo(server.replicatedStorageBytes().toString());
        }
    }

    @Provide
    Arbitrary<ProtectionGroup> groups() {
        return Combinators.combine(text().list().ofSize(9), tags(), ids(), launchConfigs(),
                        serverConfigs().list().ofMaxSize(3).injectNull(0.3), longs(), instants(), longs())
                .as((t, tags, ids, config, servers, date, instant, version) -> new ProtectionGroup(t.get(0),
                        t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), t.get(6), tags, ids, config, servers, date,
                        date, t.get(7), instant, t.get(8), instant, version));
    }

    @Provide
    Arbitrary<Execution> executions() {
        return Combinators.combine(text().list().ofSize(12), waves().list().ofMaxSize(3).injectNull(0.2), ids(),
                        ints(), json(), longs())
                .as((t, waves, ids, number, metadata, version) -> new Execution(t.get(0), t.get(1), t.get(2),
                        t.get(3), t.get(4), t.get(5), t.get(6), number, number, waves, ids, t.get(7), t.get(8),
                        t.get(9), t.get(10), number, t.get(11), metadata, version));
    }

    @Provide
    Arbitrary<InventoryServer> servers() {
        return Combinators.combine(text().list().ofSize(21), longs(), json(), jsonObject().list().ofMaxSize(2)
                        .injectNull(0.3), tags(), tags())
                .as((t, bytes, hardware, nics, drsTags, tags) -> new InventoryServer(t.get(0), t.get(1), t.get(2),
                        t.get(3), t.get(4), t.get(5), t.get(6), t.get(7), t.get(8), t.get(9), t.get(10), t.get(11),
                        t.get(12), t.get(13), t.get(14), t.get(15), t.get(16), t.get(17), t.get(18), t.get(19),
                        t.get(20), bytes, hardware, nics, drsTags, tags, t.get(0)));
    }

    private Arbitrary<WaveExecution> waves() {
        Arbitrary<ServerExecution> serverExecutions = Combinators.combine(text().list().ofSize(18), json())
                .as((t, error) -> new ServerExecution(t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5),
                        t.get(6), t.get(7), t.get(8), t.get(9), t.get(10), t.get(11), t.get(12), t.get(13),
                        t.get(14), t.get(15), t.get(16), t.get(17), error));
        return Combinators.combine(text().list().ofSize(6), ids(), ids(), serverExecutions.list().ofMaxSize(2),
                        ints(), longs(), json())
                .as((t, jobIds, serverIds, serverList, number, sequence, error) -> new WaveExecution(number,
                        t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), jobIds, serverIds, serverList,
                        number, number, number, number, sequence, error));
    }

    private Arbitrary<LaunchConfig> launchConfigs() {
        return Combinators.combine(text().list().ofSize(8), ids(), json(), json(), bools())
                .as((t, groupIds, into, licensing, flag) -> new LaunchConfig(t.get(0), groupIds, t.get(1), t.get(2),
                        t.get(3), t.get(4), into, t.get(5), flag, flag, t.get(6), licensing, flag))
                .injectNull(0.3);
    }

    private Arbitrary<ServerLaunchConfig> serverConfigs() {
        return Combinators.combine(text().list().ofSize(3), tags(), bools(), launchConfigs(), launchConfigs())
                .as((t, tags, flag, template, effective) -> new ServerLaunchConfig(t.get(0), t.get(1), t.get(2),
                        tags, flag, template, effective));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().ofMaxLength(12).injectNull(0.3);
    }

    private static Arbitrary<List<String>> ids() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10).list().ofMaxSize(4)
                .injectNull(0.3);
    }

    private static Arbitrary<Map<String, String>> tags() {
        return Arbitraries.maps(Arbitraries.strings().ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(8)).ofMaxSize(3).injectNull(0.3);
    }

    private static Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L))
                .injectNull(0.2);
    }

    private static Arbitrary<Integer> ints() {
        return Arbitraries.integers().injectNull(0.2);
    }

    private static Arbitrary<Boolean> bools() {
        return Arbitraries.of(true, false).injectNull(0.3);
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800L).flatMap(seconds -> Arbitraries.integers()
                .between(0, 999_999_999).map(nanos -> Instant.ofEpochSecond(seconds, nanos))).injectNull(0.2);
    }

    /**
     * Free-form JSON as a client would send it, parsed by the project's mapper. Fractions are never whole: DynamoDB
     * itself stores {@code 2.0} as {@code 2}, so a whole-valued double reads back as an integer.
     */
    private static Arbitrary<JsonNode> json() {
        return jsonObject().injectNull(0.3);
    }

    private static Arbitrary<JsonNode> jsonObject() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(6).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.bigDecimals().between(new BigDecimal("-1000000"), new BigDecimal("1000000")).ofScale(3)
                        .filter(d -> d.stripTrailingZeros().scale() > 0).map(d -> (Object) d));
        Arbitrary<Object> nested = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5), leaf)
                .ofMaxSize(2).map(m -> (Object) m);
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5),
                        Arbitraries.oneOf(leaf, nested, leaf.list().ofMaxSize(2).map(l -> (Object) l))).ofMaxSize(3)
                .map(map -> (JsonNode) parse(Json.write(map)));
    }

    private static ObjectNode parse(String text) {
        try {
            return (ObjectNode) Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
