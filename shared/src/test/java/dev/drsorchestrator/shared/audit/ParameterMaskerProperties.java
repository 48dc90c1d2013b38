package dev.drsorchestrator.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ParameterMaskerProperties {
    private static final String SECRET_MARK = "SECRET-VALUE-";

    /** A generated document, at most three levels deep, where sensitive keys hold values carrying a marker. */
    @Provide
    Arbitrary<JsonNode> documents() {
        return document(3);
    }

    private Arbitrary<JsonNode> document(int depth) {
        if (depth == 0) {
            return leaf();
        }
        return Arbitraries.oneOf(leaf(), object(depth - 1), array(depth - 1));
    }

    private Arbitrary<JsonNode> leaf() {
        return Arbitraries.strings().alpha().ofMaxLength(8).map(s -> (JsonNode) JsonNodeFactory.instance.textNode(s));
    }

    private Arbitrary<JsonNode> object(int depth) {
        Arbitrary<String> sensitiveKey = Arbitraries.of(ParameterMasker.SENSITIVE_PATTERNS)
                .flatMap(p -> Arbitraries.of(p, p.toUpperCase(), "my" + p, p.replace("_", ""), p + "Value",
                        camel(p)));
        Arbitrary<String> plainKey = Arbitraries.of("region", "name", "id", "items", "waves", "limit");
        Arbitrary<JsonNode> secret = Arbitraries.strings().alpha().ofMaxLength(6)
                .map(s -> (JsonNode) JsonNodeFactory.instance.textNode(SECRET_MARK + s));
        Arbitrary<JsonNode> secretObject = Arbitraries.strings().alpha().ofMaxLength(6).map(s -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("inner", SECRET_MARK + s);
            return (JsonNode) o;
        });
        Arbitrary<JsonNode> secretValue = Arbitraries.oneOf(secret, secretObject);
        Arbitrary<List<String>> keys = Arbitraries.oneOf(sensitiveKey, plainKey).list().uniqueElements().ofMaxSize(3);
        return keys.flatMap(ks -> document(depth).list().ofSize(ks.size()).flatMap(values ->
                secretValue.list().ofSize(ks.size()).map(secrets -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    for (int i = 0; i < ks.size(); i++) {
                        String k = ks.get(i);
                        o.set(k, ParameterMasker.isSensitive(k) ? secrets.get(i) : values.get(i));
                    }
                    return (JsonNode) o;
                })));
    }

    private Arbitrary<JsonNode> array(int depth) {
        return document(depth).list().ofMaxSize(3).map(items -> {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            items.forEach(a::add);
            return a;
        });
    }

    private static String camel(String pattern) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : pattern.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    @Property(tries = 200)
    void mask_shouldNeverLeaveSensitiveValue_whenAtAnyDepth(@ForAll("documents") JsonNode document) {
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.set("payload", document);
        assertThat(Json.write(ParameterMasker.mask(wrapper))).doesNotContain(SECRET_MARK);
    }
}
