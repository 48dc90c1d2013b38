package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.aws.CrossAccount;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.store.Stores;
import java.time.Clock;

/**
 * The seven seed units plus the active-region filter and status recorder, built once per execution environment and
 * shared by both pipelines, so the parallel pipeline and its sequential oracle differ only in scheduling.
 *
 * @param collector     collect_accounts_to_query
 * @param credentials   get_account_credentials
 * @param allRegions    query_drs_all_regions
 * @param enricher      enrich_with_ec2_metadata (over query_ec2_instances)
 * @param writer        write_inventory_to_dynamodb and stale removal
 * @param statuses      region status per (account, region)
 * @param activeRegions the cached active-region filter
 * @param clock         sync timestamps
 */
public record InventoryUnits(AccountCollector collector, AccountCredentials credentials,
                             DrsAllRegionsQuery allRegions, Ec2Enricher enricher, InventoryWriter writer,
                             RegionStatusRecorder statuses, ActiveRegions activeRegions, Clock clock) {

    /** The units over a handler's stores, gateways and cross-account access. */
    public static InventoryUnits create(Stores stores, Gateways gateways, CrossAccount crossAccount,
            InventorySettings settings, Clock clock) {
        ActiveRegions active = new ActiveRegions(stores.regionStatuses(), clock, settings.activeRegionTtl(),
                settings.reprobeAfter(), gateways.homeRegion());
        return new InventoryUnits(new AccountCollector(stores.targetAccounts()), new AccountCredentials(crossAccount),
                new DrsAllRegionsQuery(active, new DrsRegionQuery(gateways, settings.pageSize())),
                new Ec2Enricher(new Ec2InstanceQuery(gateways)), new InventoryWriter(stores.inventory()),
                new RegionStatusRecorder(stores.regionStatuses()), active, clock);
    }
}
