package dev.drsorchestrator.datamanagement.sync;

import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.inventory.InventorySettings;
import dev.drsorchestrator.shared.inventory.InventorySync;
import dev.drsorchestrator.shared.inventory.InventoryUnits;
import dev.drsorchestrator.shared.recoveryinstances.RecoveryInstanceSync;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.staging.StagingAccountSync;
import dev.drsorchestrator.shared.store.Stores;
import java.util.List;
import java.util.function.Supplier;

/**
 * The three scheduled sync operations of the contract's {@code x-direct-operations} (EventBridge invokes them; the
 * permission there is {@code system}): inventory sync, staging-account sync and recovery-instance sync. They have no
 * API route, so the pipeline gates them by the caller's role pattern; the permission named here only matters if a
 * route is ever added, and is the administrators' {@code config:write} so such a route would stay admin-only.
 */
public final class SyncOperations {
    /** Stands for the contract's {@code system}: never checked on direct calls (see the class comment). */
    static final Permission SYSTEM = Permission.CONFIG_WRITE;

    private final Supplier<Syncs> syncs;

    private record Syncs(InventorySync inventory, StagingAccountSync staging, RecoveryInstanceSync recoveryInstances) {
    }

    private SyncOperations(Supplier<Syncs> syncs) {
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
        return new Syncs(new InventorySync(units, settings),
                new StagingAccountSync(stores.targetAccounts(), gateways, units.activeRegions(),
                        settings.regionThreads()),
                new RecoveryInstanceSync(units.collector(), units.credentials(), units.activeRegions(), gateways,
                        stores.recoveryInstances(), services.clock(), settings.regionThreads()));
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
                Operation.of("handle_sync_source_server_inventory", SYSTEM, request -> syncs.get().inventory().run())
                        .withAliases("sync_source_server_inventory"),
                Operation.of("handle_sync_staging_accounts", SYSTEM, request -> syncs.get().staging().run())
                        .withAliases("sync_staging_accounts"),
                Operation.of("sync_recovery_instances", SYSTEM, request -> syncs.get().recoveryInstances().run()));
    }
}
