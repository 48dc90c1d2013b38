package dev.drsorchestrator.local.sim.model;

import dev.drsorchestrator.local.sim.model.FleetException.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fleet's mutable maps; touched only while holding the {@link Fleet}'s lock. */
final class FleetState {
    final Map<String, Account> accounts = new LinkedHashMap<>();
    final VersionedMap<String, SourceServer> servers = new VersionedMap<>();
    final VersionedMap<String, Ec2Instance> instances = new VersionedMap<>();
    final Map<String, Subnet> subnets = new LinkedHashMap<>();
    final Map<String, String> subnetOwners = new HashMap<>();
    final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
    final Map<String, String> securityGroupOwners = new HashMap<>();
    final Map<String, InstanceTypeInfo> instanceTypes = new LinkedHashMap<>();
    final Map<String, LaunchTemplate> launchTemplates = new LinkedHashMap<>();
    final Map<String, RecoveryInstance> recoveryInstances = new LinkedHashMap<>();
    final Map<String, Job> jobs = new LinkedHashMap<>();
    final Map<String, String> mintedKeys = new HashMap<>();
    final Map<String, List<String>> topics = new LinkedHashMap<>();
    final List<SnsMessage> snsMessages = new ArrayList<>();
    String hubAccountId;
    Timings timings = Timings.DEFAULT;

    void clear() {
        accounts.clear();
        servers.clear();
        instances.clear();
        subnets.clear();
        subnetOwners.clear();
        securityGroups.clear();
        securityGroupOwners.clear();
        instanceTypes.clear();
        launchTemplates.clear();
        recoveryInstances.clear();
        jobs.clear();
        mintedKeys.clear();
        topics.clear();
        snsMessages.clear();
        hubAccountId = null;
        timings = Timings.DEFAULT;
    }

    /** The source server {@code serverId}, wherever it replicates; NOT_FOUND when there is none. */
    SourceServer existingServer(String serverId) {
        SourceServer server = servers.get(serverId);
        if (server == null) {
            throw new FleetException(Kind.NOT_FOUND, "Source server " + serverId + " not found", serverId,
                    "SOURCE_SERVER", null);
        }
        return server;
    }

    /** The source server {@code serverId} of this account and region; NOT_FOUND when it is not there. */
    SourceServer sourceServerIn(String accountId, String region, String serverId) {
        SourceServer server = servers.get(serverId);
        if (server == null || !server.accountId().equals(accountId) || !server.region().equals(region)) {
            throw new FleetException(Kind.NOT_FOUND, "Source server " + serverId + " not found", serverId,
                    "SOURCE_SERVER", null);
        }
        return server;
    }

    static String scope(String accountId, String region) {
        return accountId + "/" + region;
    }
}
