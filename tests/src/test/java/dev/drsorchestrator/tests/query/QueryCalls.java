package dev.drsorchestrator.tests.query;

import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.tests.support.ApiEvents;
import dev.drsorchestrator.tests.support.DirectEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call of every query-handler operation against {@link QueryFixtures}: API routes as an Admin user, direct-only
 * operations as Step Functions or an operator would send them.
 */
final class QueryCalls {
    static final String ADMIN = "admin@example.com";

    /** An operation name and the event that invokes it. */
    record Call(String operation, String event) {
    }

    private QueryCalls() {
    }

    static List<Call> all(QueryFixtures f) {
        List<Call> calls = new ArrayList<>();
        String s0 = f.serverIds.get(0);
        api(calls, "health", "/health", "/health", Map.of(), Map.of());
        api(calls, "list_protection_groups", "/protection-groups", "/protection-groups", Map.of(), Map.of());
        api(calls, "get_protection_group", "/protection-groups/{id}", "/protection-groups/" + f.groupId,
                Map.of("id", f.groupId), Map.of());
        api(calls, "get_launch_config_status", "/protection-groups/{id}/launch-config-status",
                "/protection-groups/" + f.groupId + "/launch-config-status", Map.of("id", f.groupId), Map.of());
        api(calls, "get_server_launch_config", "/protection-groups/{id}/servers/{serverId}/launch-config",
                "/protection-groups/" + f.groupId + "/servers/" + s0 + "/launch-config",
                Map.of("id", f.groupId, "serverId", s0), Map.of());
        api(calls, "get_server_config_history", "/protection-groups/{id}/servers/{serverId}/audit-log",
                "/protection-groups/" + f.groupId + "/servers/" + s0 + "/audit-log",
                Map.of("id", f.groupId, "serverId", s0), Map.of());
        api(calls, "list_recovery_plans", "/recovery-plans", "/recovery-plans", Map.of(), Map.of("name", "orders"));
        api(calls, "get_recovery_plan", "/recovery-plans/{id}", "/recovery-plans/" + f.planId,
                Map.of("id", f.planId), Map.of());
        api(calls, "check_existing_recovery_instances", "/recovery-plans/{id}/check-existing-instances",
                "/recovery-plans/" + f.planId + "/check-existing-instances", Map.of("id", f.planId), Map.of());
        api(calls, "list_executions", "/executions", "/executions", Map.of(), Map.of("status", "RUNNING"));
        api(calls, "get_execution", "/executions/{id}", "/executions/" + f.runningId, Map.of("id", f.runningId),
                Map.of());
        api(calls, "get_recovery_instances", "/executions/{id}/recovery-instances",
                "/executions/" + f.runningId + "/recovery-instances", Map.of("id", f.runningId), Map.of());
        api(calls, "get_job_log_items", "/executions/{id}/job-logs", "/executions/" + f.runningId + "/job-logs",
                Map.of("id", f.runningId), Map.of());
        api(calls, "get_termination_job_status", "/executions/{id}/termination-status",
                "/executions/" + f.runningId + "/termination-status", Map.of("id", f.runningId),
                Map.of("jobIds", f.jobId, "region", QueryFixtures.REGION));
        api(calls, "get_drs_source_servers", "/drs/source-servers", "/drs/source-servers", Map.of(),
                Map.of("region", QueryFixtures.REGION, "accountId", QueryFixtures.TARGET));
        api(calls, "get_source_server_inventory", "/drs/source-server-inventory", "/drs/source-server-inventory",
                Map.of(), Map.of("region", QueryFixtures.REGION, "sourceAccountId", QueryFixtures.TARGET,
                        "filters", "{\"replicationState\":\"CONTINUOUS\"}"));
        api(calls, "get_region_status", "/drs/region-status", "/drs/region-status", Map.of(), Map.of());
        api(calls, "get_drs_account_capacity_all_regions", "/drs/quotas", "/drs/quotas", Map.of(),
                Map.of("accountId", QueryFixtures.TARGET));
        api(calls, "get_target_accounts", "/drs/accounts", "/drs/accounts", Map.of(), Map.of());
        api(calls, "get_last_tag_sync_status", "/drs/tag-sync", "/drs/tag-sync", Map.of(), Map.of());
        for (String[] ec2 : new String[][] {{"get_ec2_subnets", "/ec2/subnets"},
                {"get_ec2_security_groups", "/ec2/security-groups"},
                {"get_ec2_instance_profiles", "/ec2/instance-profiles"},
                {"get_ec2_instance_types", "/ec2/instance-types"}}) {
            api(calls, ec2[0], ec2[1], ec2[1], Map.of(), Map.of("region", QueryFixtures.REGION,
                    "accountId", QueryFixtures.TARGET));
        }
        api(calls, "get_current_account_info", "/accounts/current", "/accounts/current", Map.of(), Map.of());
        api(calls, "list_target_accounts", "/accounts/targets", "/accounts/targets", Map.of(), Map.of());
        api(calls, "get_target_account", "/accounts/targets/{id}", "/accounts/targets/" + QueryFixtures.TARGET,
                Map.of("id", QueryFixtures.TARGET), Map.of());
        api(calls, "discover_staging_accounts", "/accounts/targets/{id}/staging-accounts/discover",
                "/accounts/targets/" + QueryFixtures.TARGET + "/staging-accounts/discover",
                Map.of("id", QueryFixtures.TARGET), Map.of());
        api(calls, "get_combined_capacity", "/accounts/targets/{id}/capacity",
                "/accounts/targets/" + QueryFixtures.TARGET + "/capacity", Map.of("id", QueryFixtures.TARGET),
                Map.of());
        api(calls, "get_all_accounts_capacity", "/accounts/capacity/all", "/accounts/capacity/all", Map.of(),
                Map.of());
        api(calls, "export_configuration", "/config/export", "/config/export", Map.of(), Map.of());
        api(calls, "get_tag_sync_settings", "/config/tag-sync", "/config/tag-sync", Map.of(), Map.of());
        api(calls, "get_user_permissions", "/user/permissions", "/user/permissions", Map.of(), Map.of());
        api(calls, "handle_user_profile", "/user/profile", "/user/profile", Map.of(), Map.of());
        api(calls, "handle_user_roles", "/user/roles", "/user/roles", Map.of(), Map.of());
        api(calls, "get_dashboard_data", "/dashboard", "/dashboard", Map.of(), Map.of());
        api(calls, "get_audit_logs", "/audit-logs", "/audit-logs", Map.of(), Map.of());

        Map<String, Object> state = Map.of("executionId", f.runningId, "planId", f.planId, "waveNumber", 1,
                "jobId", f.jobId, "region", QueryFixtures.REGION, "accountId", QueryFixtures.TARGET,
                "serverIds", f.serverIds);
        calls.add(new Call("poll_wave_status", Json.write(Map.of("action", "poll_wave_status", "state", state))));
        calls.add(new Call("query_servers_by_tags", DirectEvents.body("query_servers_by_tags",
                Map.of("region", QueryFixtures.REGION, "tags", Map.of("Application", "orders"),
                        "accountContext", Map.of("accountId", QueryFixtures.TARGET)))));
        direct(calls, "get_drs_account_capacity", Map.of("region", QueryFixtures.REGION,
                "accountId", QueryFixtures.TARGET));
        direct(calls, "get_drs_regional_capacity", Map.of("region", "us-east-1"));
        direct(calls, "get_current_account_id", Map.of());
        direct(calls, "get_staging_accounts", Map.of("targetAccountId", QueryFixtures.TARGET));
        direct(calls, "get_drs_capacity_conflicts", Map.of());
        return calls;
    }

    private static void api(List<Call> calls, String operation, String resource, String path,
            Map<String, String> pathParameters, Map<String, String> query) {
        calls.add(new Call(operation, adminGet(resource, path, pathParameters, query)));
    }

    /** An API Gateway GET event of an Admin user, as the benchmark and the behaviour tests send it. */
    static String adminGet(String resource, String path, Map<String, String> pathParameters,
            Map<String, String> query) {
        ApiEvents event = ApiEvents.request("GET", resource, path).user(ADMIN, "Admin");
        if (!pathParameters.isEmpty()) {
            event.pathParameters(pathParameters);
        }
        if (!query.isEmpty()) {
            event.query(query);
        }
        return event.json();
    }

    private static void direct(List<Call> calls, String operation, Map<String, String> query) {
        calls.add(new Call(operation, DirectEvents.query(operation, query)));
    }
}
