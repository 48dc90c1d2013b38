package dev.drsorchestrator.datamanagement.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the importable fields of an exported item into a fresh object: an export carries ids, audit stamps and
 * versions of the system it came from, which an import must neither write nor trust. Wave references to exported
 * group ids or names are rewritten to the ids of this system.
 */
final class ManifestReader {
    static final List<String> GROUP_FIELDS = List.of("groupName", "description", "region", "accountId",
            "serverSelectionTags", "sourceServerIds", "launchConfig", "servers", "owner", "assumeRoleName");
    static final List<String> PLAN_FIELDS = List.of("description", "notificationEmail", "accountId",
            "assumeRoleName");
    static final List<String> WAVE_FIELDS = List.of("waveName", "name", "waveDescription", "dependsOnWaves",
            "pauseBeforeWave", "waitTimeMinutes");
    private static final Set<String> SERVER_FIELDS = Set.of("sourceServerId", "instanceId", "instanceName", "tags",
            "useGroupDefaults", "launchTemplate");

    private ManifestReader() {
    }

    /** The importable fields of an exported group. */
    static ObjectNode group(String path, JsonNode item) {
        ObjectNode source = object(path, item);
        ObjectNode out = copy(source, GROUP_FIELDS);
        if (!out.has("groupName") && source.hasNonNull("name")) {
            out.set("groupName", source.get("name"));
        }
        JsonNode servers = out.get("servers");
        if (servers != null && servers.isArray()) {
            ArrayNode clean = Json.mapper().createArrayNode();
            servers.forEach(s -> clean.add(s.isObject() ? copy((ObjectNode) s, List.copyOf(SERVER_FIELDS)) : s));
            out.set("servers", clean);
        }
        return out;
    }

    /** The importable fields of an exported plan; waves reference groups through {@code groupIds} (name → id). */
    static ObjectNode plan(String path, JsonNode item, Map<String, String> exportedIdToName,
            Map<String, String> nameToId) {
        ObjectNode source = object(path, item);
        ObjectNode out = copy(source, PLAN_FIELDS);
        JsonNode name = source.hasNonNull("planName") ? source.get("planName") : source.get("name");
        if (name != null) {
            out.set("planName", name);
        }
        JsonNode waves = source.get("waves");
        if (waves == null || !waves.isArray()) {
            throw new ValidationException("Field '" + path + ".waves' must be a list of wave objects");
        }
        ArrayNode outWaves = out.putArray("waves");
        for (int i = 0; i < waves.size(); i++) {
            String wavePath = path + ".waves[" + i + "]";
            ObjectNode wave = object(wavePath, waves.get(i));
            ObjectNode copy = copy(wave, WAVE_FIELDS);
            ArrayNode ids = copy.putArray("protectionGroupIds");
            for (String reference : references(wave)) {
                String groupName = exportedIdToName.getOrDefault(reference, reference);
                String id = nameToId.get(dev.drsorchestrator.shared.naming.NameRules.uniquenessKey(groupName));
                if (id == null) {
                    throw new ValidationException("Field '" + wavePath + ".protectionGroupIds' references protection"
                            + " group '" + reference + "', which is neither in the manifest nor on this system");
                }
                ids.add(id);
            }
            outWaves.add(copy);
        }
        return out;
    }

    private static List<String> references(ObjectNode wave) {
        java.util.List<String> refs = new java.util.ArrayList<>();
        for (String field : List.of("protectionGroupIds", "protectionGroupNames")) {
            JsonNode list = wave.get(field);
            if (list != null && list.isArray()) {
                list.forEach(n -> refs.add(n.asText()));
            }
        }
        for (String field : List.of("protectionGroupId", "protectionGroupName")) {
            if (wave.hasNonNull(field) && !refs.contains(wave.get(field).asText())) {
                refs.add(wave.get(field).asText());
            }
        }
        return refs;
    }

    private static ObjectNode object(String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ValidationException("Field '" + path + "' must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static ObjectNode copy(ObjectNode source, List<String> fields) {
        ObjectNode out = Json.mapper().createObjectNode();
        for (String field : fields) {
            if (source.has(field)) {
                out.set(field, source.get(field).deepCopy());
            }
        }
        return out;
    }
}
