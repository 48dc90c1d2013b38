package dev.drsorchestrator.shared.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Drift of a protection group's servers: the hash stored when their configuration was last applied against the hash
 * of the configuration the group holds now. get_launch_config_status reports it per server; start_execution warns on
 * it before launching servers whose DRS settings may not be what the plan's groups say.
 *
 * <p>Example: {@code LaunchConfigDrift.of(currentHashByServer, store.forGroup(groupId, serverIds))}, or
 * {@code AppliedLaunchConfigStore.drift(group, serverIds)}, which does both reads.
 */
public final class LaunchConfigDrift {

    /** The drift state of one server. */
    public enum State {
        /** The configuration applied last is the one the group holds now. */
        IN_SYNC("in-sync"),
        /** The group's configuration changed since it was last applied. */
        DRIFTED("drifted"),
        /** Nothing was ever applied for this server in this group. */
        NEVER_APPLIED("never-applied");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        /** The name on the wire ({@code in-sync}, {@code drifted}, {@code never-applied}). */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * The drift of one server.
     *
     * @param sourceServerId the server
     * @param state          in sync, drifted or never applied
     * @param currentHash    hash of the configuration the group holds now
     * @param applied        what was applied last, or null when never
     */
    public record ServerDrift(String sourceServerId, State state, String currentHash, AppliedLaunchConfig applied) {
    }

    private LaunchConfigDrift() {
    }

    /**
     * The drift of each server of {@code currentHashes} (server id → hash of its configuration now), in that map's
     * order, from the applied records keyed by server id.
     */
    public static Map<String, ServerDrift> of(Map<String, String> currentHashes,
            Map<String, AppliedLaunchConfig> applied) {
        Map<String, ServerDrift> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : currentHashes.entrySet()) {
            String serverId = entry.getKey();
            String current = entry.getValue();
            AppliedLaunchConfig last = applied.get(serverId);
            State state = last == null || last.configHash() == null ? State.NEVER_APPLIED
                    : sameHash(current, last.configHash()) ? State.IN_SYNC : State.DRIFTED;
            out.put(serverId, new ServerDrift(serverId, state, current, last));
        }
        return out;
    }

    /** Constant-time comparison of two hex digests; null never matches. */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
