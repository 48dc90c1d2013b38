package dev.drsorchestrator.shared.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.error.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.drs.model.DescribeJobsResponse;
import software.amazon.awssdk.services.drs.model.DescribeRecoveryInstancesResponse;
import software.amazon.awssdk.services.drs.model.DescribeSourceServersRequest;
import software.amazon.awssdk.services.drs.model.DescribeSourceServersResponse;
import software.amazon.awssdk.services.drs.model.Job;
import software.amazon.awssdk.services.drs.model.StartRecoveryRequestSourceServer;
import software.amazon.awssdk.services.drs.model.UpdateLaunchConfigurationRequest;

/**
 * Every DRS call of the system, for one account context and region. Results are our records and contract-shaped
 * JSON; failures are {@link AwsCallFailure}s. List calls follow every page.
 *
 * <pre>{@code
 * DrsJob job = gateways.drs(account, "us-east-1").startRecovery(List.of("s-0123..."), true, Map.of("Wave", "1"));
 * }</pre>
 */
public final class DrsGateway {
    private static final String SERVICE = "drs";

    private final DrsClient drs;
    private final String region;
    private final AccountContext account;

    DrsGateway(DrsClient drs, String region, AccountContext account) {
        this.drs = drs;
        this.region = region;
        this.account = account;
    }

    /** The region this gateway calls. */
    public String region() {
        return region;
    }

    /** The account context this gateway calls as. */
    public AccountContext account() {
        return account;
    }

    /** Every matching source server, in the contract's {@code SourceServer} shape. */
    public List<JsonNode> describeSourceServers(SourceServerQuery query) {
        List<JsonNode> all = new ArrayList<>();
        describeSourceServers(query, all::addAll);
        return List.copyOf(all);
    }

    /**
     * Streams matching source servers one page at a time (for the inventory pipeline, which writes as it reads).
     *
     * @return how many servers were handed to {@code onPage}
     */
    public int describeSourceServers(SourceServerQuery query, Consumer<List<JsonNode>> onPage) {
        DescribeSourceServersRequest.Builder request = DescribeSourceServersRequest.builder()
                .maxResults(query.pageSize());
        if (!query.sourceServerIds().isEmpty() || !query.stagingAccountIds().isEmpty()) {
            request.filters(f -> {
                if (!query.sourceServerIds().isEmpty()) {
                    f.sourceServerIDs(query.sourceServerIds());
                }
                if (!query.stagingAccountIds().isEmpty()) {
                    f.stagingAccountIDs(query.stagingAccountIds());
                }
            });
        }
        return AwsFailures.call(SERVICE, "DescribeSourceServers", () -> {
            int count = 0;
            for (DescribeSourceServersResponse page : drs.describeSourceServersPaginator(request.build())) {
                if (!page.hasItems()) {
                    throw AwsFailures.incomplete(SERVICE, "DescribeSourceServers");
                }
                List<JsonNode> servers = page.items().stream()
                        .<JsonNode>map(s -> SourceServerNormalizer.normalize(s, region)).toList();
                count += servers.size();
                if (!servers.isEmpty()) {
                    onPage.accept(servers);
                }
            }
            return count;
        });
    }

    /** The jobs with these ids (every job of the region when the list is empty). */
    public List<DrsJob> describeJobs(Collection<String> jobIds) {
        return AwsFailures.call(SERVICE, "DescribeJobs", () -> {
            List<DrsJob> jobs = new ArrayList<>();
            for (DescribeJobsResponse page : drs.describeJobsPaginator(b -> {
                if (!jobIds.isEmpty()) {
                    b.filters(f -> f.jobIDs(jobIds));
                }
            })) {
                page.items().forEach(j -> jobs.add(DrsNormalizer.job(j)));
            }
            return List.copyOf(jobs);
        });
    }

    /** Every log item of a job, oldest first, shaped as the contract's job-log events. */
    public List<JsonNode> describeJobLogItems(String jobId) {
        requireText("jobId", jobId);
        return AwsFailures.call(SERVICE, "DescribeJobLogItems", () -> drs
                .describeJobLogItemsPaginator(b -> b.jobID(jobId)).items().stream()
                .<JsonNode>map(DrsNormalizer::logItem).toList());
    }

    /** Starts a recovery (or a drill) of these servers as one DRS job. */
    public DrsJob startRecovery(List<String> sourceServerIds, boolean isDrill, Map<String, String> tags) {
        requireIds("sourceServerIds", sourceServerIds);
        List<StartRecoveryRequestSourceServer> servers = sourceServerIds.stream()
                .map(id -> StartRecoveryRequestSourceServer.builder().sourceServerID(id).build()).toList();
        Job job = AwsFailures.call(SERVICE, "StartRecovery", () -> drs.startRecovery(b -> b.sourceServers(servers)
                .isDrill(isDrill).tags(tags == null ? Map.of() : tags)).job());
        return DrsNormalizer.job(job);
    }

    /** Terminates recovery instances; DRS tracks the termination as a job. */
    public DrsJob terminateRecoveryInstances(List<String> recoveryInstanceIds) {
        requireIds("recoveryInstanceIds", recoveryInstanceIds);
        Job job = AwsFailures.call(SERVICE, "TerminateRecoveryInstances", () -> drs
                .terminateRecoveryInstances(b -> b.recoveryInstanceIDs(recoveryInstanceIds)).job());
        return DrsNormalizer.job(job);
    }

    /** Recovery instances of these source servers (all of the region when the list is empty). */
    public List<DrsRecoveryInstance> describeRecoveryInstances(Collection<String> sourceServerIds) {
        return AwsFailures.call(SERVICE, "DescribeRecoveryInstances", () -> {
            List<DrsRecoveryInstance> out = new ArrayList<>();
            for (DescribeRecoveryInstancesResponse page : drs.describeRecoveryInstancesPaginator(b -> {
                if (!sourceServerIds.isEmpty()) {
                    b.filters(f -> f.sourceServerIDs(sourceServerIds));
                }
            })) {
                page.items().forEach(ri -> out.add(DrsNormalizer.recoveryInstance(ri)));
            }
            return List.copyOf(out);
        });
    }

    /** The DRS launch configuration of one source server. */
    public JsonNode getLaunchConfiguration(String sourceServerId) {
        requireText("sourceServerId", sourceServerId);
        return DrsNormalizer.launchConfiguration(AwsFailures.call(SERVICE, "GetLaunchConfiguration",
                () -> drs.getLaunchConfiguration(b -> b.sourceServerID(sourceServerId))));
    }

    /** Changes the non-null settings of one server's launch configuration and returns the result. */
    public JsonNode updateLaunchConfiguration(String sourceServerId, LaunchConfigurationUpdate update) {
        requireText("sourceServerId", sourceServerId);
        UpdateLaunchConfigurationRequest.Builder request = UpdateLaunchConfigurationRequest.builder()
                .sourceServerID(sourceServerId).name(update.name()).copyPrivateIp(update.copyPrivateIp())
                .copyTags(update.copyTags()).launchDisposition(update.launchDisposition())
                .targetInstanceTypeRightSizingMethod(update.targetInstanceTypeRightSizingMethod())
                .postLaunchEnabled(update.postLaunchEnabled());
        if (update.osByol() != null) {
            request.licensing(l -> l.osByol(update.osByol()));
        }
        return DrsNormalizer.launchConfiguration(AwsFailures.call(SERVICE, "UpdateLaunchConfiguration",
                () -> drs.updateLaunchConfiguration(request.build())));
    }

    /** The account ids of every staging account that replicates into this account and region. */
    public List<String> listStagingAccounts() {
        return AwsFailures.call(SERVICE, "ListStagingAccounts", () -> drs.listStagingAccountsPaginator(b -> { })
                .accounts().stream().map(a -> a.accountID()).toList());
    }

    /** Servers of a staging account that this account can extend: {arn, hostname, tags}. */
    public List<JsonNode> listExtensibleSourceServers(String stagingAccountId) {
        requireText("stagingAccountId", stagingAccountId);
        return AwsFailures.call(SERVICE, "ListExtensibleSourceServers", () -> drs
                .listExtensibleSourceServersPaginator(b -> b.stagingAccountID(stagingAccountId)).items().stream()
                .<JsonNode>map(DrsNormalizer::stagingServer).toList());
    }

    /** Extends a staging account's server into this account; returns the new server in the contract's shape. */
    public JsonNode createExtendedSourceServer(String sourceServerArn, Map<String, String> tags) {
        requireText("sourceServerArn", sourceServerArn);
        return SourceServerNormalizer.normalize(AwsFailures.call(SERVICE, "CreateExtendedSourceServer",
                () -> drs.createExtendedSourceServer(b -> b.sourceServerArn(sourceServerArn)
                        .tags(tags == null ? Map.of() : tags)).sourceServer()), region);
    }

    /** Adds or replaces tags on a DRS resource. */
    public void tagResource(String resourceArn, Map<String, String> tags) {
        requireText("resourceArn", resourceArn);
        AwsFailures.run(SERVICE, "TagResource", () -> drs.tagResource(b -> b.resourceArn(resourceArn).tags(tags)));
    }

    /** Removes tags from a DRS resource. */
    public void untagResource(String resourceArn, Collection<String> tagKeys) {
        requireText("resourceArn", resourceArn);
        AwsFailures.run(SERVICE, "UntagResource",
                () -> drs.untagResource(b -> b.resourceArn(resourceArn).tagKeys(tagKeys)));
    }

    /** The tags of a DRS resource. */
    public Map<String, String> listTagsForResource(String resourceArn) {
        requireText("resourceArn", resourceArn);
        return Map.copyOf(AwsFailures.call(SERVICE, "ListTagsForResource",
                () -> drs.listTagsForResource(b -> b.resourceArn(resourceArn)).tags()));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("Field '" + field + "' is required");
        }
    }

    private static void requireIds(String field, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new ValidationException("Field '" + field + "' must list at least one id");
        }
        for (String id : ids) {
            requireText(field, id);
        }
    }
}
