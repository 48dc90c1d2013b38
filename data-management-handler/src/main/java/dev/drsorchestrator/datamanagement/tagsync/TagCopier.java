package dev.drsorchestrator.datamanagement.tagsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.Ec2InstanceInfo;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies EC2 instance tags onto the DRS source servers of one account and region: reads the source servers, reads
 * their EC2 instances (in each server's source region, batched), and tags each server whose tags differ. Tags under
 * the reserved {@code aws:} prefix are never copied. With {@code copyInstanceType}, each server's launch template also
 * gets its source instance's type ({@link InstanceTypeCopier}). One server failing is reported and the others
 * continue.
 */
final class TagCopier {
    private static final String RESERVED_PREFIX = "aws:";
    private final Gateways gateways;
    private final boolean copyInstanceType;

    TagCopier(Gateways gateways, boolean copyInstanceType) {
        this.gateways = gateways;
        this.copyInstanceType = copyInstanceType;
    }

    /** The per-server outcome of copying tags in {@code region} of {@code account}. */
    List<Map<String, Object>> copy(AccountContext account, String region) {
        DrsGateway drs = gateways.drs(account, region);
        InstanceTypeCopier types = copyInstanceType ? new InstanceTypeCopier(drs, gateways.ec2(account, region)) : null;
        List<JsonNode> servers = drs.describeSourceServers(SourceServerQuery.all());
        Map<String, List<JsonNode>> byInstanceRegion = new LinkedHashMap<>();
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode server : servers) {
            String instanceId = server.path("sourceInstanceId").asText(null);
            if (instanceId == null || instanceId.isBlank()) {
                results.add(result(server, "skipped", 0, "no source EC2 instance (not an AWS source)"));
                continue;
            }
            String sourceRegion = server.path("sourceRegion").asText(region);
            byInstanceRegion.computeIfAbsent(sourceRegion, r -> new ArrayList<>()).add(server);
        }
        for (Map.Entry<String, List<JsonNode>> entry : byInstanceRegion.entrySet()) {
            Map<String, Ec2InstanceInfo> instances = new LinkedHashMap<>();
            try {
                List<String> ids = entry.getValue().stream().map(s -> s.path("sourceInstanceId").asText()).toList();
                gateways.ec2(account, entry.getKey()).describeInstances(ids, Map.of())
                        .forEach(info -> instances.put(info.instanceId(), info));
            } catch (AwsCallFailure failure) {
                entry.getValue().forEach(s -> results.add(result(s, "failed", 0, "EC2 DescribeInstances in "
                        + entry.getKey() + " failed: " + failure.errorCode())));
                continue;
            }
            for (JsonNode server : entry.getValue()) {
                Ec2InstanceInfo instance = instances.get(server.path("sourceInstanceId").asText());
                Map<String, Object> result = copyOne(drs, server, instance);
                if (types != null && instance != null) {
                    copyType(types, server, instance, result);
                }
                results.add(result);
            }
        }
        return results;
    }

    private static Map<String, Object> copyOne(DrsGateway drs, JsonNode server, Ec2InstanceInfo instance) {
        if (instance == null) {
            return result(server, "skipped", 0, "source instance " + server.path("sourceInstanceId").asText()
                    + " not found");
        }
        Map<String, String> changed = changedTags(instance.tags(), server.path("tags"));
        if (changed.isEmpty()) {
            return result(server, "unchanged", 0, null);
        }
        try {
            drs.tagResource(server.path("arn").asText(), changed);
            return result(server, "updated", changed.size(), null);
        } catch (AwsCallFailure failure) {
            return result(server, "failed", 0, failure.errorCode() + ": " + failure.errorType().friendlyMessage());
        }
    }

    /** Adds the instance-type outcome to a server's result; a failed copy makes the server failed. */
    private static void copyType(InstanceTypeCopier types, JsonNode server, Ec2InstanceInfo instance,
            Map<String, Object> result) {
        InstanceTypeCopier.Outcome outcome = types.copy(server.path("sourceServerID").asText(),
                instance.instanceType());
        result.put("instanceType", instance.instanceType());
        result.put("instanceTypeStatus", outcome.status());
        if (outcome.rightSizingOff()) {
            result.put("rightSizingDisabled", true);
        }
        if (outcome.error() != null) {
            result.put("status", "failed");
            result.put("instanceTypeError", outcome.error());
        } else if ("updated".equals(outcome.status()) && "unchanged".equals(result.get("status"))) {
            result.put("status", "updated");
        }
    }

    /** The EC2 tags (reserved prefix excluded) whose value on the DRS server is missing or different. */
    static Map<String, String> changedTags(Map<String, String> ec2Tags, JsonNode drsTags) {
        Map<String, String> changed = new LinkedHashMap<>();
        ec2Tags.forEach((key, value) -> {
            if (!key.startsWith(RESERVED_PREFIX) && !value.equals(drsTags.path(key).asText(null))) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    private static Map<String, Object> result(JsonNode server, String status, int tags, String error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sourceServerId", server.path("sourceServerID").asText());
        out.put("status", status);
        out.put("tagsCopied", tags);
        if (error != null) {
            out.put("error", error);
        }
        return out;
    }
}
