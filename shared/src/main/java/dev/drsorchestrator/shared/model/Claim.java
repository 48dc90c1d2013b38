package dev.drsorchestrator.shared.model;

/**
 * A uniqueness or ownership claim: the item whose existence reserves a name or a server for one owner. Claims are
 * written in the same transaction as their owner, so a name or server can never be held by two owners.
 *
 * @param claimKey  key: {@code pg-name#<name key>}, {@code plan-name#<name key>}, {@code pg-server#<serverId>},
 *                  {@code exec-server#<serverId>}
 * @param ownerId   the group, plan or execution holding it
 * @param planId    for execution claims, the plan of the execution
 * @param createdAt ISO-8601
 * @param expiresAt TTL in epoch seconds, absent for claims that live as long as their owner
 */
public record Claim(String claimKey, String ownerId, String planId, String createdAt, Long expiresAt) {

    /** Prefix of the claim of a server by a protection group. */
    public static final String GROUP_SERVER_PREFIX = "pg-server#";
    /** Prefix of the claim of a server by an active execution. */
    public static final String EXECUTION_SERVER_PREFIX = "exec-server#";

    /** The claim key reserving a server for a protection group. */
    public static String groupServerKey(String serverId) {
        return GROUP_SERVER_PREFIX + serverId;
    }

    /** The claim key reserving a server for an active execution. */
    public static String executionServerKey(String serverId) {
        return EXECUTION_SERVER_PREFIX + serverId;
    }
}
