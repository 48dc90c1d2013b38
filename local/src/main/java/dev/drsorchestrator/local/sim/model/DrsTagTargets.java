package dev.drsorchestrator.local.sim.model;

import dev.drsorchestrator.local.sim.model.FleetException.Kind;
import java.util.Map;

/**
 * Resolves the ARN of a DRS resource (source server, job or recovery instance) to something whose tags can be read and
 * replaced, as DRS's ListTagsForResource / TagResource / UntagResource do: one ARN space over three kinds of resource.
 * Used only while holding the {@link Fleet}'s lock.
 */
final class DrsTagTargets {
    /** A resource's tags and how to store a replacement set. */
    interface Taggable {
        Map<String, String> tags();

        void apply(Map<String, String> tags);
    }

    private DrsTagTargets() {
    }

    /** The resource {@code arn} names in {@code accountId}; NOT_FOUND when there is none. */
    static Taggable of(FleetState state, String accountId, String arn) {
        for (SourceServer s : state.servers.values()) {
            if (s.arn().equals(arn) && s.accountId().equals(accountId)) {
                return new Taggable() {
                    public Map<String, String> tags() {
                        return s.tags();
                    }

                    public void apply(Map<String, String> tags) {
                        state.servers.put(s.id(), state.servers.get(s.id()).withTags(tags));
                    }
                };
            }
        }
        for (Job j : state.jobs.values()) {
            if (j.arn().equals(arn) && j.accountId().equals(accountId)) {
                return new Taggable() {
                    public Map<String, String> tags() {
                        return j.tags();
                    }

                    public void apply(Map<String, String> tags) {
                        Job cur = state.jobs.get(j.jobId());
                        state.jobs.put(j.jobId(), new Job(cur.jobId(), cur.accountId(), cur.region(), cur.type(),
                                cur.initiatedBy(), cur.createdAt(), cur.endedAt(), cur.status(), cur.participants(),
                                tags, cur.log()));
                    }
                };
            }
        }
        for (RecoveryInstance r : state.recoveryInstances.values()) {
            if (r.arn().equals(arn) && r.accountId().equals(accountId)) {
                return new Taggable() {
                    public Map<String, String> tags() {
                        return r.tags();
                    }

                    public void apply(Map<String, String> tags) {
                        RecoveryInstance c = state.recoveryInstances.get(r.recoveryInstanceId());
                        state.recoveryInstances.put(c.recoveryInstanceId(), new RecoveryInstance(
                                c.recoveryInstanceId(), c.accountId(), c.region(), c.sourceServerId(), c.jobId(),
                                c.drill(), c.pointInTime(), tags, c.availabilityZone()));
                    }
                };
            }
        }
        throw new FleetException(Kind.NOT_FOUND, "Resource " + arn + " not found", arn, "RESOURCE", null);
    }
}
