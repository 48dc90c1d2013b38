package dev.drsorchestrator.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof 1 of the read-only rule (ARCHITECTURE section 4): no class of query-handler can call a DynamoDB write API, a
 * mutating store or gateway method, or an AWS SDK client other than DynamoDB's read calls. The guarded types are
 * allow-listed method by method, so a new write method on a store or gateway is forbidden here until it is listed.
 */
class ReadOnlyArchitectureTest {
    private static final String SHARED = "dev.drsorchestrator.shared.";

    /** Guarded type → the only methods query-handler may call on it. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("software.amazon.awssdk.services.dynamodb.DynamoDbClient",
                    Set.of("getItem", "batchGetItem", "query", "scan")),
            Map.entry(SHARED + "store.ProtectionGroupStore", Set.of("get", "require", "findByName", "listAll",
                    "count")),
            Map.entry(SHARED + "store.RecoveryPlanStore", Set.of("get", "require", "findByName", "listAll")),
            Map.entry(SHARED + "store.ExecutionStore", Set.of("get", "require", "listByStatus", "listByPlan")),
            Map.entry(SHARED + "store.TargetAccountStore", Set.of("get", "require", "listAll")),
            Map.entry(SHARED + "store.InventoryStore", Set.of("get", "getAll", "listByAccountRegion")),
            Map.entry(SHARED + "store.RegionStatusStore", Set.of("get", "listByAccount")),
            Map.entry(SHARED + "store.RecoveryInstanceStore", Set.of("get", "listBySourceServer",
                    "listByAccountRegion")),
            Map.entry(SHARED + "store.TagSyncConfigStore", Set.of("get")),
            Map.entry(SHARED + "store.AppliedLaunchConfigStore", Set.of("forGroup", "drift")),
            Map.entry(SHARED + "store.ClaimStore", Set.of("get", "ownerOf")),
            Map.entry(SHARED + "store.ExecutionCountStore", Set.of("countsBetween", "dayOf", "countedStatus")),
            Map.entry(SHARED + "gateway.DrsGateway", Set.of("region", "account", "describeSourceServers",
                    "describeJobs", "describeJobLogItems", "describeRecoveryInstances", "getLaunchConfiguration",
                    "listStagingAccounts", "listExtensibleSourceServers", "listTagsForResource")),
            Map.entry(SHARED + "gateway.Ec2Gateway", Set.of("describeInstances", "describeSubnets",
                    "describeSecurityGroups", "describeInstanceTypes", "describeLaunchTemplateVersions")),
            Map.entry(SHARED + "gateway.IamGateway", Set.of("listInstanceProfiles")),
            Map.entry(SHARED + "gateway.StsGateway", Set.of("getCallerIdentity")),
            Map.entry(SHARED + "gateway.SfnGateway", Set.of()),
            Map.entry(SHARED + "gateway.EventBridgeGateway", Set.of()),
            Map.entry(SHARED + "gateway.SnsGateway", Set.of()),
            Map.entry(SHARED + "gateway.Gateways", Set.of("from", "homeRegion", "drs", "ec2", "iam", "sts")),
            Map.entry(SHARED + "audit.AuditLog", Set.of()),
            Map.entry(SHARED + "audit.AuditRecorder", Set.of()));

    /** AWS SDK service packages query-handler must not touch directly (only through the guarded gateways). */
    static final Set<String> FORBIDDEN_SDK_PACKAGES = Set.of("software.amazon.awssdk.services.drs..",
            "software.amazon.awssdk.services.ec2..", "software.amazon.awssdk.services.iam..",
            "software.amazon.awssdk.services.sfn..", "software.amazon.awssdk.services.sns..",
            "software.amazon.awssdk.services.eventbridge..", "software.amazon.awssdk.services.sts..");

    private static JavaClasses queryClasses;

    @BeforeAll
    static void importClasses() {
        queryClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.drsorchestrator.query");
    }

    static final DescribedPredicate<JavaMethodCall> MUTATING_CALL = new DescribedPredicate<>(
            "a method of a guarded store, gateway, audit writer or DynamoDbClient that is not an allow-listed read") {
        @Override
        public boolean test(JavaMethodCall call) {
            Set<String> allowed = ALLOWED.get(call.getTargetOwner().getName());
            return allowed != null && !allowed.contains(call.getName());
        }
    };

    @Test
    void queryHandler_shouldCallOnlyAllowListedReads_whenUsingStoresGatewaysOrDynamoDb() {
        // GIVEN every production class of query-handler
        assertThat(queryClasses).isNotEmpty();

        // WHEN the rule is checked THEN no call reaches a write method
        ArchRule rule = noClasses().that().resideInAPackage("dev.drsorchestrator.query..")
                .should().callMethodWhere(MUTATING_CALL);
        rule.check(queryClasses);
    }

    @Test
    void queryHandler_shouldNotDependOnAwsServiceClients_whenReadingThroughGateways() {
        // GIVEN every production class of query-handler
        // WHEN the rule is checked THEN none uses the SDK clients of DRS, EC2, IAM, SFN, SNS, EventBridge or STS
        ArchRule rule = noClasses().that().resideInAPackage("dev.drsorchestrator.query..")
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN_SDK_PACKAGES.toArray(String[]::new));
        rule.check(queryClasses);
    }

    @Test
    void mutatingCall_shouldReportAViolation_whenAClassWritesToDynamoDbOrAStore() {
        // GIVEN a class that writes through DynamoDbClient.putItem and ExecutionStore.transition
        JavaClasses writer = new ClassFileImporter().importClasses(WritingFixture.class);

        // WHEN the read-only rule is evaluated on it
        var result = noClasses().should().callMethodWhere(MUTATING_CALL).evaluate(writer);

        // THEN both writes are reported
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(line -> line.contains("putItem"))
                .anyMatch(line -> line.contains("transition"));
    }

    /** A deliberate violator, compiled only into the tests. */
    static final class WritingFixture {
        void write(software.amazon.awssdk.services.dynamodb.DynamoDbClient client,
                dev.drsorchestrator.shared.store.ExecutionStore executions) {
            client.putItem(b -> b.tableName("t"));
            executions.transition("e", "p", dev.drsorchestrator.shared.execution.ExecutionStatus.RUNNING,
                    dev.drsorchestrator.shared.execution.ExecutionStatus.COMPLETED);
        }
    }
}
