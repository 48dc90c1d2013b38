package dev.drsorchestrator.local.sim.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An EC2 launch template with all its versions; DRS keeps one per source server. */
public record LaunchTemplate(String launchTemplateId, String name, String accountId, String region,
                             Instant createTime, long defaultVersion, List<LaunchTemplateVersion> versions) {
    public LaunchTemplate {
        versions = List.copyOf(versions);
    }

    /** The highest version number. */
    public long latestVersion() {
        return versions.get(versions.size() - 1).versionNumber();
    }

    public LaunchTemplate withVersion(LaunchTemplateVersion version) {
        List<LaunchTemplateVersion> all = new ArrayList<>(versions);
        all.add(version);
        return new LaunchTemplate(launchTemplateId, name, accountId, region, createTime, defaultVersion, all);
    }

    public LaunchTemplate withDefaultVersion(long version) {
        return new LaunchTemplate(launchTemplateId, name, accountId, region, createTime, version, versions);
    }
}
