package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.shared.model.InventoryServer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed unit 5, {@code query_drs_single_region}: every source server of one account in one region, paginated to the
 * end, or the failure in the seed's terms. Never throws: one region's trouble is data for its region status.
 */
public final class DrsRegionQuery {
    private static final Logger LOG = LoggerFactory.getLogger(DrsRegionQuery.class);

    private final Gateways gateways;
    private final int pageSize;

    /** Queries through the gateways, {@code pageSize} servers per DescribeSourceServers call. */
    public DrsRegionQuery(Gateways gateways, int pageSize) {
        this.gateways = gateways;
        this.pageSize = pageSize;
    }

    /** The region's servers stamped with {@code syncedAt}, or its failure. */
    public RegionResult query(String accountId, AccountContext context, String region, String syncedAt) {
        List<InventoryServer> servers = new ArrayList<>();
        try {
            gateways.drs(context, region).describeSourceServers(SourceServerQuery.all().withPageSize(pageSize),
                    page -> page.forEach(s -> servers.add(InventoryRecords.fromDrs(s, accountId, region, syncedAt))));
            return new RegionResult.Success(accountId, region, servers);
        } catch (AwsCallFailure e) {
            RegionResult.Failure failure = RegionErrors.of(accountId, region, e);
            if (RegionErrors.NOT_INITIALIZED.equals(failure.status())) {
                LOG.info("DRS not available for account {} in {}", accountId, region);
            } else {
                LOG.warn("DRS query failed for account {} in {}: {} ({})", accountId, region, failure.errorType(),
                        e.getMessage());
            }
            return failure;
        } catch (RuntimeException e) {
            LOG.error("Unexpected error querying DRS for account {} in {}", accountId, region, e);
            return RegionErrors.unexpected(accountId, region, e);
        }
    }
}
