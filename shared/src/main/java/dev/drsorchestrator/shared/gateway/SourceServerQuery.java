package dev.drsorchestrator.shared.gateway;

import dev.drsorchestrator.shared.error.ValidationException;
import java.util.List;

/**
 * Which source servers {@link DrsGateway#describeSourceServers} returns: every server, or those with the given ids,
 * or those replicating through the given staging accounts. Empty lists mean "no filter".
 *
 * @param sourceServerIds   DRS ids ({@code s-...}); empty for all
 * @param stagingAccountIds staging account ids; empty for all
 * @param pageSize          servers per DescribeSourceServers call (1-1000); null for the service default
 */
public record SourceServerQuery(List<String> sourceServerIds, List<String> stagingAccountIds, Integer pageSize) {
    /** DRS's largest page. */
    public static final int MAX_PAGE_SIZE = 1000;

    public SourceServerQuery {
        sourceServerIds = sourceServerIds == null ? List.of() : List.copyOf(sourceServerIds);
        stagingAccountIds = stagingAccountIds == null ? List.of() : List.copyOf(stagingAccountIds);
        if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
            throw new ValidationException("Field 'pageSize' must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** Every server of the account and region. */
    public static SourceServerQuery all() {
        return new SourceServerQuery(List.of(), List.of(), null);
    }

    /** The servers with these ids. */
    public static SourceServerQuery ids(List<String> sourceServerIds) {
        return new SourceServerQuery(sourceServerIds, List.of(), null);
    }

    /** The same query read {@code size} servers per call. */
    public SourceServerQuery withPageSize(int size) {
        return new SourceServerQuery(sourceServerIds, stagingAccountIds, size);
    }
}
