package dev.drsorchestrator.datamanagement.plans;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.drs.DrsLimits;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.groups.TagResolver;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.plan.WaveGraph;
import dev.drsorchestrator.shared.rules.Violation;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks the waves of a plan: the wave-graph rules (names, at least one group, dependencies on earlier
 * waves only, no cycles), every referenced group exists, and no wave exceeds the 500 servers DRS can hold in active
 * jobs. A wave over 100 servers is accepted: it is split into several DRS jobs when it runs.
 */
public final class WaveInput {
    /** At most this many waves in a plan. */
    public static final int MAX_WAVES = 50;
    private final ProtectionGroupStore groups;
    private final TagResolver tags;

    /** Wave checks against the stored groups and the inventory (for tag-selected servers). */
    public WaveInput(ProtectionGroupStore groups, TagResolver tags) {
        this.groups = groups;
        this.tags = tags;
    }

    /** The validated waves of {@code wavesNode}, numbered from 0 in the order given. */
    public List<Wave> read(JsonNode wavesNode) {
        return read(wavesNode, java.util.Map.of());
    }

    /**
     * The validated waves, where {@code pending} holds groups that are about to be created (an import): a wave may
     * reference them by id as if they were stored.
     */
    public List<Wave> read(JsonNode wavesNode, java.util.Map<String, ProtectionGroup> pending) {
        if (wavesNode == null || !wavesNode.isArray()) {
            throw new ValidationException("Field 'waves' must be a list of wave objects");
        }
        if (wavesNode.size() > MAX_WAVES) {
            throw new ValidationException("Field 'waves' must hold at most " + MAX_WAVES + " waves");
        }
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < wavesNode.size(); i++) {
            JsonNode item = wavesNode.get(i).deepCopy();
            if (item.isObject()) {
                com.fasterxml.jackson.databind.node.ObjectNode wave = (com.fasterxml.jackson.databind.node.ObjectNode) item;
                if (!wave.has("waveName") && wave.has("name")) {
                    wave.set("waveName", wave.get("name"));
                }
                if (!wave.has("waveNumber") || wave.get("waveNumber").isNull()) {
                    wave.put("waveNumber", i);
                }
            }
            items.add(item);
        }
        List<Violation> violations = WaveGraph.validate(Json.mapper().convertValue(items, List.class));
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw new ValidationException("Field '" + first.field() + "': " + first.message());
        }
        List<Wave> waves = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            waves.add(wave("waves[" + i + "]", i, RequestFields.nested("waves[" + i + "]", items.get(i)), pending));
        }
        return waves;
    }

    private Wave wave(String path, int index, RequestFields fields, java.util.Map<String, ProtectionGroup> pending) {
        List<String> groupIds = new ArrayList<>(fields.stringList("protectionGroupIds", 100).orElse(List.of()));
        fields.string("protectionGroupId").filter(id -> !id.isBlank() && !groupIds.contains(id)).ifPresent(groupIds::add);
        Set<String> serverIds = new LinkedHashSet<>();
        int count = 0;
        for (String groupId : groupIds) {
            Optional<ProtectionGroup> group = pending.containsKey(groupId) ? Optional.of(pending.get(groupId))
                    : groups.get(groupId);
            if (group.isEmpty()) {
                throw new ValidationException("Field '" + path + ".protectionGroupIds' references protection group "
                        + groupId + ", which does not exist");
            }
            ProtectionGroup g = group.get();
            serverIds.addAll(g.explicitServerIds());
            Set<String> members = new LinkedHashSet<>(g.explicitServerIds());
            if (g.serverSelectionTags() != null && !g.serverSelectionTags().isEmpty() && g.accountId() != null) {
                tags.resolve(g.accountId(), g.region(), g.serverSelectionTags())
                        .forEach(server -> members.add(server.sourceServerId()));
            }
            count += members.size();
        }
        if (count > DrsLimits.MAX_SERVERS_PER_WAVE) {
            throw new ValidationException("Field '" + path + "' holds " + count + " servers; a wave may hold at most "
                    + DrsLimits.MAX_SERVERS_PER_WAVE + " (DRS limit on servers in active jobs): split it into"
                    + " several waves");
        }
        List<Integer> depends = new ArrayList<>();
        JsonNode dependsNode = fields.node("dependsOnWaves");
        if (dependsNode != null) {
            dependsNode.forEach(n -> depends.add(n.intValue()));
        }
        return new Wave(index,
                Validators.name(path + ".waveName", fields.string("waveName").orElse(null), Validators.NAME_MAX),
                fields.text("waveDescription", Validators.DESCRIPTION_MAX).orElse(null),
                List.copyOf(serverIds), count, depends, fields.bool("pauseBeforeWave").orElse(false), groupIds,
                groupIds.isEmpty() ? null : groupIds.get(0),
                fields.integer("waitTimeMinutes", 0, 1440).orElse(null),
                null, null, null, null);
    }

    /**
     * The one account every protection group of {@code waves} is in, when they agree: a plan created without an
     * {@code accountId} belongs where its groups are rather than to the hub. Empty when the groups name no account
     * or several.
     */
    public Optional<String> commonAccount(List<Wave> waves) {
        Set<String> accounts = new TreeSet<>();
        for (Wave wave : waves) {
            Set<String> ids = new LinkedHashSet<>();
            if (wave.protectionGroupIds() != null) {
                ids.addAll(wave.protectionGroupIds());
            }
            if (wave.protectionGroupId() != null) {
                ids.add(wave.protectionGroupId());
            }
            ids.forEach(id -> groups.get(id).map(ProtectionGroup::accountId)
                    .filter(account -> !account.isBlank()).ifPresent(accounts::add));
        }
        return accounts.size() == 1 ? Optional.of(accounts.iterator().next()) : Optional.empty();
    }
}
