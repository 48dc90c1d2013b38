package dev.drsorchestrator.datamanagement.sync;

import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.inventory.InventorySettings;
import dev.drsorchestrator.shared.inventory.InventorySync;
import dev.drsorchestrator.shared.inventory.InventoryUnits;
import dev.drsorchestrator.shared.recoveryinstances.RecoveryInstanceSync;
import dev.drsorchestrator.shared.recoveryinstances.RecoveryInstanceSyncStatus;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.staging.StagingAccountSync;
import dev.drsorchestrator.shared.store.Stores;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sync operations of data-management-handler. The three scheduled ones (inventory, staging-account and
 * recovery-instance sync) require the contract's {@code system} permission: they have no API route and no group
 * grants it, so only direct invocations (EventBridge, an operator with {@code lambda:InvokeFunction}) reach them.
 * Two more serve people: the staging sync of one target account now ({@code accounts:write}, an API route) and the
 * result of the last recovery-instance sync ({@code executions:read}, direct).
 */
public final class SyncOperations {
    private final Supplier<Syncs> syncs;

    record Syncs(InventorySync inventory, StagingAccountSync staging, RecoveryInstanceSync recoveryInstances,
                 TargetAccountStore targetAccounts, RecoveryInstanceSyncStatus recoveryStatus) {
    }

    SyncOperations(Supplier<Syncs> syncs) {
        this.syncs = syncs;
    }

    /**
     * The sync operations over a handler's core services. Stores and gateways are built on the first sync call and
     * then kept, so the handler starts (and answers its other operations) even where the sync tables are not
     * configured.
     */
    public static List<Operation> operations(CoreServices services) {
        return new SyncOperations(memoize(() -> build(services))).list();
    }

    private static Syncs build(CoreServices services) {
        Stores stores = Stores.from(services);
        Gateways gateways = Gateways.from(services);
        InventorySettings settings = InventorySettings.from(services.env());
        InventoryUnits units = InventoryUnits.create(stores, gateways, services.crossAccount(), settings,
                services.clock());
        RecoveryInstanceSyncStatus recoveryStatus = new RecoveryInstanceSyncStatus(stores.regionStatuses());
        return new Syncs(new InventorySync(units, settings),
                new StagingAccountSync(stores.targetAccounts(), units.credentials(), gateways, units.activeRegions(),
                        settings.regionThreads()),
                new RecoveryInstanceSync(units.collector(), units.credentials(), units.activeRegions(), gateways,
                        stores.recoveryInstances(), recoveryStatus, services.clock(), settings.regionThreads()),
                stores.targetAccounts(), recoveryStatus);
    }

    private static <T> Supplier<T> memoize(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }

    List<Operation> list() {
        return List.of(
                Operation.system("handle_sync_source_server_inventory", request -> syncs.get().inventory().run())
                        .withAliases("sync_source_server_inventory"),
                Operation.system("handle_sync_staging_accounts", request -> syncs.get().staging().run())
                        .withAliases("sync_staging_accounts"),
                Operation.system("sync_recovery_instances", request -> syncs.get().recoveryInstances().run()),
                Operation.of("sync_extended_source_servers", Permission.ACCOUNTS_WRITE,
                        request -> new TargetStagingSync(syncs.get().targetAccounts(), syncs.get().staging())
                                .run(request),
                        Route.post("/accounts/targets/{id}/staging-accounts/sync")),
                Operation.of("get_recovery_instance_sync_status", Permission.EXECUTIONS_READ,
                        request -> syncs.get().recoveryStatus().read()));
    }
}
