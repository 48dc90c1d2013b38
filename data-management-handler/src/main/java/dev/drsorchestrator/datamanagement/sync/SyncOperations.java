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

/**
 * The three scheduled sync operations of the contract's {@code x-direct-operations} (EventBridge invokes them; the
 * permission there is {@code system}): inventory sync, staging-account sync and recovery-instance sync. They have no
 * API route, so the pipeline gates them by the caller's role pattern; the permission named here only matters if a
 * route is ever added, and is the administrators' {@code config:write} so such a route would stay admin-only.
 */
public final class SyncOperations {
    /** Stands for the contract's {@code system}: never checked on direct calls (see the class comment). */
    static final Permission SYSTEM = Permission.CONFIG_WRITE;

    private final InventorySync inventory;
    private final StagingAccountSync staging;
    private final RecoveryInstanceSync recoveryInstances;

    SyncOperations(InventorySync inventory, StagingAccountSync staging, RecoveryInstanceSync recoveryInstances) {
        this.inventory = inventory;
        this.staging = staging;
        this.recoveryInstances = recoveryInstances;
    }

    /** The sync operations over a handler's core services (stores and gateways are built here, once). */
    public static List<Operation> operations(CoreServices services) {
        Stores stores = Stores.from(services);
        Gateways gateways = Gateways.from(services);
        InventorySettings settings = InventorySettings.from(services.env());
        InventoryUnits units = InventoryUnits.create(stores, gateways, services.crossAccount(), settings,
                services.clock());
        return new SyncOperations(new InventorySync(units, settings),
                new StagingAccountSync(stores.targetAccounts(), gateways, units.activeRegions(),
                        settings.regionThreads()),
                new RecoveryInstanceSync(units.collector(), units.credentials(), units.activeRegions(), gateways,
                        stores.recoveryInstances(), services.clock(), settings.regionThreads()))
                .list();
    }

    List<Operation> list() {
        return List.of(
                Operation.of("handle_sync_source_server_inventory", SYSTEM, request -> inventory.run())
                        .withAliases("sync_source_server_inventory"),
                Operation.of("handle_sync_staging_accounts", SYSTEM, request -> staging.run())
                        .withAliases("sync_staging_accounts"),
                Operation.of("sync_recovery_instances", SYSTEM, request -> recoveryInstances.run()));
    }
}
