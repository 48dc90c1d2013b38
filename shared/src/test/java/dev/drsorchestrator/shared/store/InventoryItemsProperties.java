package dev.drsorchestrator.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.model.InventoryServer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class InventoryItemsProperties {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ItemMapper<InventoryServer> mapper = new ItemMapper<>(InventoryServer.class);

    @Property(tries = 500)
    void toItem_shouldEqualTheGenericMapper_forAnyInventoryServer(@ForAll("servers") InventoryServer server) {
        // GIVEN any server, nulls at any depth, numbers of every JSON kind
        // WHEN the direct and the generic mapping build its item
        var direct = InventoryItems.toItem(server);
        var generic = mapper.toItem(server);
        // THEN the items are equal attribute by attribute and read back to the same server
        assertThat(direct).isEqualTo(generic);
        assertThat(mapper.fromItem(direct)).isEqualTo(mapper.fromItem(generic));
    }

    @Example
    void toItem_shouldKeepEmptyValuesAndDropNulls_whenAServerHasBoth() {
        // GIVEN a server with empty strings, empty tags, no hardware and a NIC holding a null field
        ObjectNode nic = NODES.objectNode().put("macAddress", "").putNull("isPrimary");
        nic.putArray("ips").add("10.0.0.1").addNull();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", "");
        tags.put("Gone", null);
        InventoryServer server = new InventoryServer("s-1", "111111111111", "us-east-1", "111111111111#us-east-1",
                "", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                0L, NODES.nullNode(), List.of(nic), Map.of(), tags, "2026-01-01T00:00:00Z");
        // WHEN its item is built
        var item = InventoryItems.toItem(server);
        // THEN empty values stay, null fields are gone at every depth, array nulls stay as NULL, as ItemMapper does
        assertThat(item).isEqualTo(mapper.toItem(server));
        assertThat(item.get("hostname").s()).isEmpty();
        assertThat(item).doesNotContainKeys("fqdn", "hardware", "instanceType");
        assertThat(item.get("drsTags").m()).isEmpty();
        assertThat(item.get("tags").m()).containsOnlyKeys("Name");
        assertThat(item.get("networkInterfaces").l().get(0).m()).containsOnlyKeys("macAddress", "ips");
        assertThat(item.get("networkInterfaces").l().get(0).m().get("ips").l().get(1).nul()).isTrue();
        assertThat(item.get("replicatedStorageBytes").n()).isEqualTo("0");
    }

    @Provide
    Arbitrary<InventoryServer> servers() {
        return Combinators.combine(text().list().ofSize(22), longs(), json().injectNull(0.2),
                        json().list().ofMaxSize(3).injectNull(0.2), tags(), tags())
                .as((t, bytes, hardware, nics, drsTags, tags) -> new InventoryServer(t.get(0), t.get(1), t.get(2),
                        t.get(3), t.get(4), t.get(5), t.get(6), t.get(7), t.get(8), t.get(9), t.get(10), t.get(11),
                        t.get(12), t.get(13), t.get(14), t.get(15), t.get(16), t.get(17), t.get(18), t.get(19),
                        t.get(20), bytes, hardware, nics, drsTags, tags, t.get(21)));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().ofMaxLength(10).injectNull(0.3);
    }

    private static Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L))
                .injectNull(0.2);
    }

    private static Arbitrary<Map<String, String>> tags() {
        Arbitrary<Map<String, String>> maps = Arbitraries.maps(Arbitraries.strings().ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().ofMaxLength(6).injectNull(0.2)).ofMaxSize(4)
                .map(LinkedHashMap::new);
        return maps.injectNull(0.2);
    }

    /** JSON objects as the normalizer and DynamoDB reads build them: every number kind, null values, nesting. */
    private static Arbitrary<JsonNode> json() {
        return leaf().list().ofMaxSize(4).flatMap(values -> Arbitraries.strings().alpha().ofMinLength(1)
                .ofMaxLength(5).list().ofSize(values.size()).uniqueElements().map(names -> {
                    ObjectNode object = NODES.objectNode();
                    for (int i = 0; i < names.size(); i++) {
                        object.set(names.get(i), values.get(i));
                    }
                    return (JsonNode) object;
                }));
    }

    private static Arbitrary<JsonNode> leaf() {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TEN),
                        BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(1000))).map(NODES::numberNode),
                Arbitraries.doubles().between(-1e6, 1e6).ofScale(2).map(NODES::numberNode),
                Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000")).ofScale(4)
                        .map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        Arbitrary<JsonNode> array = scalar.list().ofMaxSize(3).map(values -> {
            ArrayNode out = NODES.arrayNode();
            out.addAll(new ArrayList<>(values));
            return out;
        });
        Arbitrary<JsonNode> object = scalar.list().ofMaxSize(3).map(values -> {
            ObjectNode out = NODES.objectNode();
            for (int i = 0; i < values.size(); i++) {
                out.set("f" + i, values.get(i));
            }
            return out;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, scalar), net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(2, object));
    }
}
