package dev.drsorchestrator.shared.config;

/**
 * Every DynamoDB table of {@code cfn/dynamodb-tables.yaml}, with the environment variable that carries its name and its
 * logical id in the template, so code never spells a table name itself.
 */
public enum Table {
    PROTECTION_GROUPS("PROTECTION_GROUPS_TABLE", "ProtectionGroupsTable"),
    RECOVERY_PLANS("RECOVERY_PLANS_TABLE", "RecoveryPlansTable"),
    EXECUTION_HISTORY("EXECUTION_HISTORY_TABLE", "ExecutionHistoryTable"),
    EXECUTION_COUNTS("EXECUTION_COUNTS_TABLE", "ExecutionCountsTable"),
    TARGET_ACCOUNTS("TARGET_ACCOUNTS_TABLE", "TargetAccountsTable"),
    SOURCE_SERVER_INVENTORY("SOURCE_SERVER_INVENTORY_TABLE", "SourceServerInventoryTable"),
    REGION_STATUS("REGION_STATUS_TABLE", "RegionStatusTable"),
    RECOVERY_INSTANCES("RECOVERY_INSTANCES_TABLE", "RecoveryInstancesTable"),
    TAG_SYNC_CONFIG("TAG_SYNC_CONFIG_TABLE", "TagSyncConfigTable"),
    CLAIMS("CLAIMS_TABLE", "ClaimsTable"),
    AUDIT_LOG("AUDIT_LOG_TABLE", "AuditLogTable");

    private final String envVariable;
    private final String logicalId;

    Table(String envVariable, String logicalId) {
        this.envVariable = envVariable;
        this.logicalId = logicalId;
    }

    /** The environment variable whose value is this table's physical name. */
    public String envVariable() {
        return envVariable;
    }

    /** The resource's logical id in the CloudFormation template. */
    public String logicalId() {
        return logicalId;
    }
}
