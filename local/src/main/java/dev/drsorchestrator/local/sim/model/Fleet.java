package dev.drsorchestrator.local.sim.model;

import dev.drsorchestrator.local.sim.model.FleetException.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The simulated AWS estate: what every service handler reads and changes, and what tests inspect or rearrange.
 * All access goes through one lock; before every access, jobs are advanced to the clock's current time.
 */
public final class Fleet {
    private final Object lock = new Object();
    private final FleetState state = new FleetState();
    private final Supplier<Instant> clock;
    private final Map<String, List<SourceServer>> serversByScope = new java.util.HashMap<>();
    private final Map<String, List<Ec2Instance>> instancesByScope = new java.util.HashMap<>();
    private long serversVersion = -1;
    private long instancesVersion = -1;
    private Ids ids;
    private JobEngine engine;

    public Fleet(Supplier<Instant> clock, long seed) {
        this.clock = clock;
        reseed(seed);
    }

    /** Forgets everything and restarts id generation from {@code seed}. */
    public void reset(long seed) {
        synchronized (lock) {
            state.clear();
            reseed(seed);
        }
    }

    private void reseed(long seed) {
        ids = new Ids(seed);
        engine = new JobEngine(state, ids);
    }

    /** The id generator of this fleet (seeded by the scenario). */
    public Ids ids() {
        return ids;
    }

    public Instant now() {
        return clock.get();
    }

    private Instant sync() {
        Instant now = clock.get();
        engine.advance(now);
        return now;
    }

    // ---- accounts and credentials

    public void putAccount(Account account) {
        synchronized (lock) {
            state.accounts.put(account.accountId(), account);
            if (account.kind() == AccountKind.HUB && state.hubAccountId == null) {
                state.hubAccountId = account.accountId();
            }
        }
    }

    public Optional<Account> account(String accountId) {
        synchronized (lock) {
            return Optional.ofNullable(state.accounts.get(accountId));
        }
    }

    public List<Account> accounts() {
        synchronized (lock) {
            return List.copyOf(state.accounts.values());
        }
    }

    /** The account the {@code test} access key names; the first account when the scenario names no hub. */
    public Optional<String> hubAccountId() {
        synchronized (lock) {
            if (state.hubAccountId != null) {
                return Optional.of(state.hubAccountId);
            }
            return state.accounts.keySet().stream().findFirst();
        }
    }

    /** Records a key minted by STS AssumeRole as naming {@code accountId}. */
    public void registerMintedKey(String accessKeyId, String accountId) {
        synchronized (lock) {
            state.mintedKeys.put(accessKeyId, accountId);
        }
    }

    public Optional<String> accountOfMintedKey(String accessKeyId) {
        synchronized (lock) {
            return Optional.ofNullable(state.mintedKeys.get(accessKeyId));
        }
    }

    public void setTimings(Timings timings) {
        synchronized (lock) {
            state.timings = timings;
        }
    }

    public Timings timings() {
        synchronized (lock) {
            return state.timings;
        }
    }

    // ---- source servers

    /** Adds or replaces a source server; creates its DRS launch template when it has none yet. */
    public void putSourceServer(SourceServer server) {
        synchronized (lock) {
            state.servers.put(server.id(), server);
        }
    }

    public List<SourceServer> sourceServers(String accountId, String region) {
        synchronized (lock) {
            sync();
            if (serversVersion != state.servers.version()) {
                serversByScope.clear();
                serversVersion = state.servers.version();
            }
            return serversByScope.computeIfAbsent(FleetState.scope(accountId, region), k -> state.servers.values()
                    .stream().filter(s -> s.accountId().equals(accountId) && s.region().equals(region)).toList());
        }
    }

    public List<SourceServer> allSourceServers() {
        synchronized (lock) {
            sync();
            return List.copyOf(state.servers.values());
        }
    }

    public Optional<SourceServer> sourceServer(String accountId, String region, String serverId) {
        synchronized (lock) {
            sync();
            return Optional.ofNullable(state.servers.get(serverId))
                    .filter(s -> s.accountId().equals(accountId) && s.region().equals(region));
        }
    }

    /** Puts a source server into another replication state (STALLED, DISCONNECTED, ...). */
    public void setReplicationState(String serverId, ReplicationState replication) {
        synchronized (lock) {
            state.servers.put(serverId, state.existingServer(serverId).withReplication(replication));
        }
    }

    /** Makes the next launch of this server fail with LAUNCH_FAILED. */
    public void failNextLaunch(String serverId) {
        synchronized (lock) {
            state.servers.put(serverId, state.existingServer(serverId).withFailNextLaunch(true));
        }
    }

    public SourceServer updateLaunchSettings(String accountId, String region, String serverId, LaunchSettings launch) {
        synchronized (lock) {
            SourceServer server = state.sourceServerIn(accountId, region, serverId);
            SourceServer updated = server.withLaunch(launch);
            state.servers.put(serverId, updated);
            return updated;
        }
    }

    /** Creates an extended source server in {@code accountId} from a staging account's server, enforcing quotas. */
    public SourceServer extendSourceServer(String accountId, String region, SourceServer staged,
                                           Map<String, String> tags) {
        synchronized (lock) {
            sync();
            long replicating = state.servers.values().stream()
                    .filter(s -> s.accountId().equals(accountId) && s.region().equals(region))
                    .filter(s -> s.replication() != ReplicationState.DISCONNECTED
                            && s.replication() != ReplicationState.STOPPED).count();
            if (replicating >= Quotas.MAX_REPLICATING_SERVERS) {
                throw new FleetException(Kind.QUOTA, "Account " + accountId + " already replicates " + replicating
                        + " source servers in " + region + " (quota " + Quotas.MAX_REPLICATING_SERVERS + ")",
                        accountId, "SOURCE_SERVER", "MaxReplicatingServers");
            }
            boolean exists = state.servers.values().stream().anyMatch(s -> s.staging() != null
                    && s.accountId().equals(accountId) && staged.arn().equals(s.staging().stagingSourceServerArn()));
            if (exists) {
                throw new FleetException(Kind.VALIDATION, "Source server " + staged.arn()
                        + " is already extended into account " + accountId, staged.arn(), "SOURCE_SERVER", null);
            }
            String id = ids.hex("s-", 17);
            Map<String, String> merged = new LinkedHashMap<>(staged.tags());
            merged.putAll(tags);
            SourceServer extended = new SourceServer(id, accountId, region, staged.machine(), merged,
                    staged.replication(), staged.launch(), null, null, null,
                    new StagingInfo(staged.accountId(), staged.arn(), "EXTENDED"), clock.get(), false);
            state.servers.put(id, extended);
            return extended;
        }
    }

    // ---- tags by ARN

    /** The tags of a DRS resource (source server, job or recovery instance) named by ARN. */
    public Map<String, String> tagsOf(String accountId, String arn) {
        synchronized (lock) {
            sync();
            return DrsTagTargets.of(state, accountId, arn).tags();
        }
    }

    public void tagResource(String accountId, String arn, Map<String, String> tags) {
        synchronized (lock) {
            DrsTagTargets.Taggable target = DrsTagTargets.of(state, accountId, arn);
            Map<String, String> merged = new LinkedHashMap<>(target.tags());
            merged.putAll(tags);
            target.apply(merged);
        }
    }

    public void untagResource(String accountId, String arn, Set<String> keys) {
        synchronized (lock) {
            DrsTagTargets.Taggable target = DrsTagTargets.of(state, accountId, arn);
            Map<String, String> remaining = new LinkedHashMap<>(target.tags());
            remaining.keySet().removeAll(keys);
            target.apply(remaining);
        }
    }

    // ---- jobs

    /** Starts a drill or recovery job (StartRecovery), enforcing DRS's quotas and one active job per server. */
    public Job startRecovery(String accountId, String region, List<String> serverIds, boolean drill,
                             Map<String, String> tags) {
        synchronized (lock) {
            Instant now = sync();
            JobAdmission.admitRecovery(state, accountId, region, serverIds);
            return engine.launch(accountId, region, List.copyOf(serverIds), drill, tags, now);
        }
    }

    /** Starts a TERMINATE job for recovery instances (TerminateRecoveryInstances). */
    public Job terminateRecoveryInstances(String accountId, String region, List<String> recoveryInstanceIds) {
        synchronized (lock) {
            Instant now = sync();
            JobAdmission.admitTermination(state, accountId, region, recoveryInstanceIds);
            return engine.terminate(accountId, region, List.copyOf(recoveryInstanceIds), now);
        }
    }

    /** Jobs of one account and region, newest first (as DescribeJobs sorts them). */
    public List<Job> jobs(String accountId, String region) {
        synchronized (lock) {
            sync();
            List<Job> out = new ArrayList<>();
            for (Job job : state.jobs.values()) {
                if (job.accountId().equals(accountId) && job.region().equals(region)) {
                    out.add(job);
                }
            }
            out.sort(Comparator.comparing(Job::createdAt).reversed());
            return out;
        }
    }

    public Optional<Job> job(String accountId, String region, String jobId) {
        synchronized (lock) {
            sync();
            return Optional.ofNullable(state.jobs.get(jobId))
                    .filter(j -> j.accountId().equals(accountId) && j.region().equals(region));
        }
    }

    public List<RecoveryInstance> recoveryInstances(String accountId, String region) {
        synchronized (lock) {
            sync();
            return state.recoveryInstances.values().stream()
                    .filter(r -> r.accountId().equals(accountId) && r.region().equals(region)).toList();
        }
    }

    // ---- EC2

    public void putInstance(Ec2Instance instance) {
        synchronized (lock) {
            state.instances.put(instance.instanceId(), instance);
        }
    }

    public List<Ec2Instance> instances(String accountId, String region) {
        synchronized (lock) {
            sync();
            if (instancesVersion != state.instances.version()) {
                instancesByScope.clear();
                instancesVersion = state.instances.version();
            }
            return instancesByScope.computeIfAbsent(FleetState.scope(accountId, region), k -> state.instances
                    .values().stream().filter(i -> i.accountId().equals(accountId) && i.region().equals(region))
                    .toList());
        }
    }

    /** Adds tags to EC2 resources (instances, subnets, security groups) in one account and region. */
    public void tagEc2Resources(String accountId, String region, List<String> resourceIds, Map<String, String> tags) {
        synchronized (lock) {
            Ec2Tagging.tag(state, accountId, region, resourceIds, tags);
        }
    }

    public void putSubnet(String accountId, String region, Subnet subnet) {
        synchronized (lock) {
            state.subnets.put(subnet.subnetId(), subnet);
            state.subnetOwners.put(subnet.subnetId(), FleetState.scope(accountId, region));
        }
    }

    public List<Subnet> subnets(String accountId, String region) {
        synchronized (lock) {
            String scope = FleetState.scope(accountId, region);
            return state.subnets.values().stream().filter(s -> scope.equals(state.subnetOwners.get(s.subnetId())))
                    .toList();
        }
    }

    public void putSecurityGroup(String accountId, String region, SecurityGroup group) {
        synchronized (lock) {
            state.securityGroups.put(group.groupId(), group);
            state.securityGroupOwners.put(group.groupId(), FleetState.scope(accountId, region));
        }
    }

    public List<SecurityGroup> securityGroups(String accountId, String region) {
        synchronized (lock) {
            String scope = FleetState.scope(accountId, region);
            return state.securityGroups.values().stream()
                    .filter(g -> scope.equals(state.securityGroupOwners.get(g.groupId()))).toList();
        }
    }

    public void putInstanceType(InstanceTypeInfo type) {
        synchronized (lock) {
            state.instanceTypes.put(type.instanceType(), type);
        }
    }

    public List<InstanceTypeInfo> instanceTypes() {
        synchronized (lock) {
            return List.copyOf(state.instanceTypes.values());
        }
    }

    public void putLaunchTemplate(LaunchTemplate template) {
        synchronized (lock) {
            state.launchTemplates.put(template.launchTemplateId(), template);
        }
    }

    public Optional<LaunchTemplate> launchTemplate(String accountId, String region, String templateId) {
        synchronized (lock) {
            return Optional.ofNullable(state.launchTemplates.get(templateId))
                    .filter(t -> t.accountId().equals(accountId) && t.region().equals(region));
        }
    }

    public Optional<LaunchTemplate> launchTemplateByName(String accountId, String region, String name) {
        synchronized (lock) {
            return state.launchTemplates.values().stream().filter(t -> t.name().equals(name))
                    .filter(t -> t.accountId().equals(accountId) && t.region().equals(region)).findFirst();
        }
    }

    /** Appends a version to a launch template and returns it. */
    public LaunchTemplateVersion addLaunchTemplateVersion(String accountId, String region, String templateId,
                                                          LaunchTemplateVersion draft) {
        synchronized (lock) {
            LaunchTemplate template = templateOrThrow(accountId, region, templateId);
            LaunchTemplateVersion version = new LaunchTemplateVersion(template.latestVersion() + 1,
                    draft.description(), clock.get(), draft.instanceType(), draft.subnetId(),
                    draft.securityGroupIds(), draft.privateIpAddress());
            state.launchTemplates.put(templateId, template.withVersion(version));
            return version;
        }
    }

    public LaunchTemplate setDefaultLaunchTemplateVersion(String accountId, String region, String templateId,
                                                          long version) {
        synchronized (lock) {
            LaunchTemplate template = templateOrThrow(accountId, region, templateId);
            if (version < 1 || version > template.latestVersion()) {
                throw new FleetException(Kind.VALIDATION, "The specified launch template version " + version
                        + " does not exist", templateId, "LAUNCH_TEMPLATE_VERSION", null);
            }
            LaunchTemplate updated = template.withDefaultVersion(version);
            state.launchTemplates.put(templateId, updated);
            return updated;
        }
    }

    private LaunchTemplate templateOrThrow(String accountId, String region, String templateId) {
        return launchTemplate(accountId, region, templateId).orElseThrow(
                () -> new FleetException(Kind.NOT_FOUND, "The specified launch template, with template ID "
                        + templateId + ", does not exist.", templateId, "LAUNCH_TEMPLATE", null));
    }

    // ---- SNS

    public String createTopic(String accountId, String region, String name) {
        synchronized (lock) {
            String arn = "arn:aws:sns:" + region + ":" + accountId + ":" + name;
            List<String> topics = state.topics.computeIfAbsent(FleetState.scope(accountId, region),
                    k -> new ArrayList<>());
            if (!topics.contains(arn)) {
                topics.add(arn);
            }
            return arn;
        }
    }

    public List<String> topics(String accountId, String region) {
        synchronized (lock) {
            return List.copyOf(state.topics.getOrDefault(FleetState.scope(accountId, region), List.of()));
        }
    }

    public void recordSnsMessage(SnsMessage message) {
        synchronized (lock) {
            state.snsMessages.add(message);
        }
    }

    public List<SnsMessage> snsMessages() {
        synchronized (lock) {
            return List.copyOf(state.snsMessages);
        }
    }
}
