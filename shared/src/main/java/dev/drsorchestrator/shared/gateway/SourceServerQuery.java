package dev.drsorchestrator.shared.gateway;

import java.util.List;

/**
 * Which source servers {@link DrsGateway#describeSourceServers} returns: every server, or those with the given ids,
 * or those replicating through the given staging accounts. Empty lists mean "no filter".
 *
 * @param sourceServerIds   DRS ids ({@code s-...}); empty for all
 * @param stagingAccountIds staging account ids; empty for all
 */
public record SourceServerQuery(List<String> sourceServerIds, List<String> stagingAccountIds) {
    public SourceServerQuery {
        sourceServerIds = sourceServerIds == null ? List.of() : List.copyOf(sourceServerIds);
        stagingAccountIds = stagingAccountIds == null ? List.of() : List.copyOf(stagingAccountIds);
    }

    /** Every server of the account and region. */
    public static SourceServerQuery all() {
        return new SourceServerQuery(List.of(), List.of());
    }

    /** The servers with these ids. */
    public static SourceServerQuery ids(List<String> sourceServerIds) {
        return new SourceServerQuery(sourceServerIds, List.of());
    }
}
