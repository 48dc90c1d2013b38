package dev.drsorchestrator.datamanagement;

import dev.drsorchestrator.datamanagement.accounts.AccountValidationOperations;
import dev.drsorchestrator.datamanagement.accounts.StagingAccountOperations;
import dev.drsorchestrator.datamanagement.accounts.TargetAccountOperations;
import dev.drsorchestrator.datamanagement.config.ImportOperations;
import dev.drsorchestrator.datamanagement.groups.GroupUsage;
import dev.drsorchestrator.datamanagement.groups.ProtectionGroupOperations;
import dev.drsorchestrator.datamanagement.groups.ServerOwnership;
import dev.drsorchestrator.datamanagement.launch.LaunchConfigApply;
import dev.drsorchestrator.datamanagement.launch.ServerLaunchConfigOperations;
import dev.drsorchestrator.datamanagement.launch.StaticIpCheck;
import dev.drsorchestrator.datamanagement.launch.SubnetCidrs;
import dev.drsorchestrator.datamanagement.plans.RecoveryPlanOperations;
import dev.drsorchestrator.datamanagement.plans.WaveInput;
import dev.drsorchestrator.datamanagement.sync.SyncOperations;
import dev.drsorchestrator.datamanagement.tagsync.RuleScheduler;
import dev.drsorchestrator.datamanagement.tagsync.TagSyncOperations;
import dev.drsorchestrator.datamanagement.tagsync.TagSyncSettingsOperations;
import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.groups.GroupMembers;
import dev.drsorchestrator.shared.groups.TagResolver;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.HealthCheck;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationTable;
import dev.drsorchestrator.shared.store.Stores;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The operation table of data-management-handler: wire names, permissions and routes of its operations. */
final class DataManagementOperations {
    /** Environment variable naming the tag-sync EventBridge rule. */
    static final String TAG_SYNC_RULE_VARIABLE = "TAG_SYNC_RULE_NAME";

    private DataManagementOperations() {
    }

    static OperationTable table(CoreServices services) {
        return table(services, Stores.from(services), Gateways.from(services));
    }

    static OperationTable table(CoreServices services, Stores stores, Gateways gateways) {
        return table(services, stores, gateways, RuleScheduler.eventBridge(gateways::eventBridge));
    }

    static OperationTable table(CoreServices services, Stores stores, Gateways gateways, RuleScheduler scheduler) {
        Clock clock = services.clock();
        Optional<String> hub = services.env().optional("AWS_ACCOUNT_ID");
        TagResolver tags = new TagResolver(stores.inventory());
        GroupUsage usage = new GroupUsage(stores.recoveryPlans(), stores.executions());
        String ruleName = services.env().optional(TAG_SYNC_RULE_VARIABLE)
                .orElse("drs-orchestrator-tag-sync-" + services.env().environmentName());
        List<Operation> operations = new ArrayList<>();
        operations.add(HealthCheck.operation("data-management-handler", clock));
        operations.addAll(new ProtectionGroupOperations(stores.protectionGroups(), usage, tags,
                new ServerOwnership(stores.claims(), stores.protectionGroups()), hub, clock).operations());
        operations.addAll(new RecoveryPlanOperations(stores.recoveryPlans(),
                new WaveInput(stores.protectionGroups(), tags), usage, hub, clock).operations());
        operations.addAll(new ImportOperations(stores.protectionGroups(), stores.recoveryPlans(),
                new WaveInput(stores.protectionGroups(), tags), hub, clock).operations());
        operations.addAll(new TargetAccountOperations(stores.targetAccounts(), stores.protectionGroups(), hub, clock)
                .operations());
        operations.addAll(new StagingAccountOperations(stores.targetAccounts(), clock).operations());
        operations.addAll(new AccountValidationOperations(stores.targetAccounts(), gateways, clock).operations());
        AccountIdentities contexts = new AccountIdentities(stores.targetAccounts()::get, hub.orElse(null));
        GroupMembers members = new GroupMembers(tags);
        SubnetCidrs cidrs = new SubnetCidrs(gateways, contexts);
        operations.addAll(new ServerLaunchConfigOperations(stores.protectionGroups(), members,
                new StaticIpCheck(stores.protectionGroups(), cidrs), cidrs, clock).operations());
        operations.addAll(new LaunchConfigApply(stores.protectionGroups(), stores.appliedLaunchConfigs(), members,
                gateways, contexts, clock).operations());
        operations.addAll(new TagSyncSettingsOperations(stores.tagSyncConfig(), scheduler, ruleName, clock)
                .operations());
        operations.addAll(new TagSyncOperations(stores.targetAccounts(), stores.regionStatuses(),
                stores.tagSyncConfig(), gateways, hub, clock).operations());
        operations.addAll(SyncOperations.operations(services));
        return new OperationTable(operations);
    }
}
