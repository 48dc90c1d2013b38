package dev.drsorchestrator.local.sim.drs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.sim.http.Page;
import dev.drsorchestrator.local.sim.http.QueryParams;
import dev.drsorchestrator.local.sim.model.Account;
import dev.drsorchestrator.local.sim.model.AccountKind;
import dev.drsorchestrator.local.sim.model.Ec2Instance;
import dev.drsorchestrator.local.sim.model.Fleet;
import dev.drsorchestrator.local.sim.model.Job;
import dev.drsorchestrator.local.sim.model.LaunchSettings;
import dev.drsorchestrator.local.sim.model.RecoveryInstance;
import dev.drsorchestrator.local.sim.model.SourceServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** The DRS operations the simulator implements, each reading a {@link DrsCall} and returning the response body. */
final class DrsOperations {
    private final Fleet fleet;

    DrsOperations(Fleet fleet) {
        this.fleet = fleet;
    }

    int statusOf(String operation) {
        return switch (operation) {
            case "StartRecovery" -> 202;
            case "CreateExtendedSourceServer" -> 201;
            case "TagResource", "UntagResource" -> 204;
            default -> 200;
        };
    }

    Object invoke(String operation, DrsCall call) {
        return switch (operation) {
            case "DescribeSourceServers" -> describeSourceServers(call);
            case "DescribeJobs" -> describeJobs(call);
            case "DescribeJobLogItems" -> describeJobLogItems(call);
            case "StartRecovery" -> startRecovery(call);
            case "TerminateRecoveryInstances" -> terminateRecoveryInstances(call);
            case "DescribeRecoveryInstances" -> describeRecoveryInstances(call);
            case "GetLaunchConfiguration" -> getLaunchConfiguration(call);
            case "UpdateLaunchConfiguration" -> updateLaunchConfiguration(call);
            case "ListStagingAccounts" -> listStagingAccounts(call);
            case "ListExtensibleSourceServers" -> listExtensibleSourceServers(call);
            case "CreateExtendedSourceServer" -> createExtendedSourceServer(call);
            case "TagResource" -> tagResource(call);
            case "UntagResource" -> untagResource(call);
            case "ListTagsForResource" -> Map.of("tags", fleet.tagsOf(call.accountId(), arnOf(call)));
            default -> throw new IllegalArgumentException("unrouted DRS operation " + operation);
        };
    }

    private Map<String, Object> describeSourceServers(DrsCall call) {
        DrsInput in = call.input();
        int max = in.maxResults(1, 1000, 1000);
        JsonNode filters = in.node("filters");
        List<String> ids = filters == null ? null
                : DrsInput.strings(filters.get("sourceServerIDs"), "filters.sourceServerIDs",
                DrsInput.SOURCE_SERVER_ID, 200);
        List<String> staging = filters == null ? null
                : DrsInput.strings(filters.get("stagingAccountIDs"), "filters.stagingAccountIDs", DrsInput.ACCOUNT_ID,
                200);
        String hardwareId = filters == null || filters.get("hardwareId") == null ? null
                : filters.get("hardwareId").asText();
        Predicate<SourceServer> keep = s -> (ids == null || ids.isEmpty() || ids.contains(s.id()))
                && (staging == null || staging.isEmpty()
                || (s.staging() != null && staging.contains(s.staging().stagingAccountId())))
                && (hardwareId == null || hardwareId.equals(s.machine().sourceInstanceId())
                || hardwareId.equals(s.machine().hostname()));
        List<SourceServer> all = fleet.sourceServers(call.accountId(), call.region()).stream().filter(keep).toList();
        Instant now = fleet.now();
        return page(all, in.nextToken(), max, s -> DrsViews.sourceServer(s, now));
    }

    private Map<String, Object> describeJobs(DrsCall call) {
        DrsInput in = call.input();
        int max = in.maxResults(1, 1000, 1000);
        JsonNode filters = in.node("filters");
        List<String> ids = filters == null ? null
                : DrsInput.strings(filters.get("jobIDs"), "filters.jobIDs", DrsInput.JOB_ID, 1000);
        Instant from = filters == null ? null : date(filters.get("fromDate"), "filters.fromDate");
        Instant to = filters == null ? null : date(filters.get("toDate"), "filters.toDate");
        List<Job> all = fleet.jobs(call.accountId(), call.region()).stream()
                .filter(j -> ids == null || ids.isEmpty() || ids.contains(j.jobId()))
                .filter(j -> from == null || !j.createdAt().isBefore(from))
                .filter(j -> to == null || !j.createdAt().isAfter(to)).toList();
        return page(all, in.nextToken(), max, DrsViews::job);
    }

    private Map<String, Object> describeJobLogItems(DrsCall call) {
        DrsInput in = call.input();
        String jobId = in.matching("jobID", DrsInput.JOB_ID, true);
        int max = in.maxResults(1, 1000, 1000);
        Job job = fleet.job(call.accountId(), call.region(), jobId).orElseThrow(() -> DrsErrors.of(
                "ResourceNotFoundException", "Job " + jobId + " not found", null));
        return page(job.log(), in.nextToken(), max, DrsViews::logItem);
    }

    private Map<String, Object> startRecovery(DrsCall call) {
        DrsInput in = call.input();
        JsonNode servers = in.node("sourceServers");
        if (servers == null || !servers.isArray() || servers.isEmpty()) {
            throw DrsErrors.validation("sourceServers", "sourceServers must be a non-empty list");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode server : servers) {
            JsonNode id = server.get("sourceServerID");
            if (id == null || !id.isTextual() || !DrsInput.SOURCE_SERVER_ID.matcher(id.asText()).matches()) {
                throw DrsErrors.validation("sourceServers", "every sourceServers item needs a sourceServerID"
                        + " matching " + DrsInput.SOURCE_SERVER_ID.pattern());
            }
            ids.add(id.asText());
        }
        Boolean drill = in.bool("isDrill");
        Map<String, String> tags = DrsInput.tags(in.node("tags"), "tags");
        Job job = fleet.startRecovery(call.accountId(), call.region(), ids, drill != null && drill, tags);
        return Map.of("job", DrsViews.job(job));
    }

    private Map<String, Object> terminateRecoveryInstances(DrsCall call) {
        List<String> ids = DrsInput.strings(call.input().node("recoveryInstanceIDs"), "recoveryInstanceIDs",
                DrsInput.RECOVERY_INSTANCE_ID, 200);
        if (ids == null || ids.isEmpty()) {
            throw DrsErrors.validation("recoveryInstanceIDs", "recoveryInstanceIDs must be a non-empty list");
        }
        Job job = fleet.terminateRecoveryInstances(call.accountId(), call.region(), ids);
        return Map.of("job", DrsViews.job(job));
    }

    private Map<String, Object> describeRecoveryInstances(DrsCall call) {
        DrsInput in = call.input();
        int max = in.maxResults(1, 1000, 1000);
        JsonNode filters = in.node("filters");
        List<String> ids = filters == null ? null : DrsInput.strings(filters.get("recoveryInstanceIDs"),
                "filters.recoveryInstanceIDs", DrsInput.RECOVERY_INSTANCE_ID, 200);
        List<String> servers = filters == null ? null : DrsInput.strings(filters.get("sourceServerIDs"),
                "filters.sourceServerIDs", DrsInput.SOURCE_SERVER_ID, 200);
        List<RecoveryInstance> all = fleet.recoveryInstances(call.accountId(), call.region()).stream()
                .filter(r -> ids == null || ids.isEmpty() || ids.contains(r.recoveryInstanceId()))
                .filter(r -> servers == null || servers.isEmpty() || servers.contains(r.sourceServerId())).toList();
        Map<String, String> states = new LinkedHashMap<>();
        for (Ec2Instance i : fleet.instances(call.accountId(), call.region())) {
            states.put(i.instanceId(), i.state());
        }
        return page(all, in.nextToken(), max, r -> DrsViews.recoveryInstance(r,
                fleet.sourceServer(call.accountId(), call.region(), r.sourceServerId()).orElse(null),
                states.getOrDefault(r.recoveryInstanceId(), "running")));
    }

    private Map<String, Object> getLaunchConfiguration(DrsCall call) {
        String id = call.input().matching("sourceServerID", DrsInput.SOURCE_SERVER_ID, true);
        return DrsViews.launchConfiguration(server(call, id));
    }

    private Map<String, Object> updateLaunchConfiguration(DrsCall call) {
        DrsInput in = call.input();
        String id = in.matching("sourceServerID", DrsInput.SOURCE_SERVER_ID, true);
        LaunchSettings current = server(call, id).launch();
        String disposition = oneOf(in, "launchDisposition", Set.of("STOPPED", "STARTED"));
        String sizing = oneOf(in, "targetInstanceTypeRightSizingMethod", Set.of("NONE", "BASIC", "IN_AWS"));
        String name = in.string("name", false);
        if (name != null && (name.isEmpty() || name.length() > 256)) {
            throw DrsErrors.validation("name", "name must be 1 to 256 characters");
        }
        Boolean copyPrivateIp = in.bool("copyPrivateIp");
        Boolean copyTags = in.bool("copyTags");
        Boolean postLaunch = in.bool("postLaunchEnabled");
        JsonNode licensing = in.node("licensing");
        Boolean byol = null;
        if (licensing != null) {
            JsonNode value = licensing.get("osByol");
            if (value == null || !value.isBoolean()) {
                throw DrsErrors.validation("licensing.osByol", "licensing.osByol must be a boolean");
            }
            byol = value.asBoolean();
        }
        LaunchSettings updated = new LaunchSettings(name != null ? name : current.name(),
                current.launchTemplateId(), disposition != null ? disposition : current.launchDisposition(),
                sizing != null ? sizing : current.rightSizingMethod(),
                copyPrivateIp != null ? copyPrivateIp : current.copyPrivateIp(),
                copyTags != null ? copyTags : current.copyTags(), byol != null ? byol : current.osByol(),
                postLaunch != null ? postLaunch : current.postLaunchEnabled());
        return DrsViews.launchConfiguration(fleet.updateLaunchSettings(call.accountId(), call.region(), id, updated));
    }

    private Map<String, Object> listStagingAccounts(DrsCall call) {
        Map<String, String> query = new LinkedHashMap<>();
        QueryParams.decodeInto(call.request().rawQuery(), query);
        int max = 50;
        if (query.containsKey("maxResults")) {
            try {
                max = Integer.parseInt(query.get("maxResults"));
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 50) {
                throw DrsErrors.validation("maxResults", "maxResults must be an integer between 1 and 50");
            }
        }
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (Account account : fleet.accounts()) {
            if (account.kind() == AccountKind.STAGING && !account.accountId().equals(call.accountId())) {
                accounts.add(Map.of("accountID", account.accountId()));
            }
        }
        Page<Map<String, Object>> page = page(accounts, query.get("nextToken"), max);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accounts", page.items());
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private Map<String, Object> listExtensibleSourceServers(DrsCall call) {
        DrsInput in = call.input();
        String staging = in.matching("stagingAccountID", DrsInput.ACCOUNT_ID, true);
        int max = in.maxResults(1, 300, 300);
        Set<String> extended = new HashSet<>();
        fleet.sourceServers(call.accountId(), call.region()).stream().filter(s -> s.staging() != null)
                .forEach(s -> extended.add(s.staging().stagingSourceServerArn()));
        List<SourceServer> candidates = fleet.sourceServers(staging, call.region()).stream()
                .filter(s -> !extended.contains(s.arn())).toList();
        return page(candidates, in.nextToken(), max, s -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("hostname", s.machine().hostname());
            item.put("arn", s.arn());
            item.put("tags", s.tags());
            return item;
        });
    }

    private Map<String, Object> createExtendedSourceServer(DrsCall call) {
        DrsInput in = call.input();
        String arn = in.string("sourceServerArn", true);
        String[] parts = arn.split(":");
        if (parts.length != 6 || !parts[5].startsWith("source-server/")) {
            throw DrsErrors.validation("sourceServerArn", "sourceServerArn must be a DRS source server ARN");
        }
        String stagingAccount = parts[4];
        String serverId = parts[5].substring("source-server/".length());
        boolean staging = fleet.account(stagingAccount).map(a -> a.kind() == AccountKind.STAGING).orElse(false);
        SourceServer staged = fleet.sourceServer(stagingAccount, parts[3], serverId).filter(s -> staging)
                .filter(s -> parts[3].equals(call.region()))
                .orElseThrow(() -> DrsErrors.of("ResourceNotFoundException", "Source server " + arn
                        + " not found in a staging account of " + call.region(), null));
        Map<String, String> tags = DrsInput.tags(in.node("tags"), "tags");
        SourceServer extended = fleet.extendSourceServer(call.accountId(), call.region(), staged, tags);
        return Map.of("sourceServer", DrsViews.sourceServer(extended, fleet.now()));
    }

    private Object tagResource(DrsCall call) {
        Map<String, String> tags = DrsInput.tags(call.input().node("tags"), "tags");
        if (tags.isEmpty()) {
            throw DrsErrors.validation("tags", "tags must hold at least one tag");
        }
        fleet.tagResource(call.accountId(), arnOf(call), tags);
        return null;
    }

    private Object untagResource(DrsCall call) {
        Set<String> keys = new HashSet<>();
        String query = call.request().rawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && "tagKeys".equals(pair.substring(0, eq))) {
                    keys.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        if (keys.isEmpty()) {
            throw DrsErrors.validation("tagKeys", "tagKeys must name at least one tag key");
        }
        fleet.untagResource(call.accountId(), arnOf(call), keys);
        return null;
    }

    private static String arnOf(DrsCall call) {
        String raw = call.request().path().substring("/tags/".length());
        String arn = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (!arn.startsWith("arn:aws:drs:")) {
            throw DrsErrors.validation("resourceArn", "resourceArn must be a DRS ARN, got " + arn);
        }
        return arn;
    }

    private SourceServer server(DrsCall call, String id) {
        return fleet.sourceServer(call.accountId(), call.region(), id).orElseThrow(() -> DrsErrors.of(
                "ResourceNotFoundException", "Source server " + id + " not found", null));
    }

    private static String oneOf(DrsInput in, String field, Set<String> allowed) {
        String value = in.string(field, false);
        if (value != null && !allowed.contains(value)) {
            throw DrsErrors.validation(field, field + " must be one of " + new java.util.TreeSet<>(allowed)
                    + ", got " + value);
        }
        return value;
    }

    private static Instant date(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw DrsErrors.validation(field, field + " must be an ISO-8601 timestamp, got " + node.asText());
        }
    }

    private static <T> Page<T> page(List<T> all, String token, int max) {
        try {
            return Page.of(all, token, max);
        } catch (IllegalArgumentException e) {
            throw DrsErrors.validation("nextToken", "nextToken is not a token this API returned");
        }
    }

    private static <T> Map<String, Object> page(List<T> all, String token, int max, Function<T, ?> view) {
        Page<T> page = page(all, token, max);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items().stream().map(view).toList());
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }
}
