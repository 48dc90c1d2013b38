package dev.drsorchestrator.shared.gateway;

import static dev.drsorchestrator.shared.gateway.JsonFields.put;

import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.drs.model.GetLaunchConfigurationResponse;
import software.amazon.awssdk.services.drs.model.Job;
import software.amazon.awssdk.services.drs.model.JobLog;
import software.amazon.awssdk.services.drs.model.JobLogEventData;
import software.amazon.awssdk.services.drs.model.RecoveryInstance;
import software.amazon.awssdk.services.drs.model.StagingSourceServer;
import software.amazon.awssdk.services.drs.model.UpdateLaunchConfigurationResponse;

/** Turns DRS jobs, job log items, recovery instances and launch configurations into our records and JSON. */
final class DrsNormalizer {
    private DrsNormalizer() {
    }

    static DrsJob job(Job job) {
        return new DrsJob(job.jobID(), job.typeAsString(), job.statusAsString(), job.initiatedByAsString(),
                job.creationDateTime(), job.endDateTime(),
                job.participatingServers().stream()
                        .map(p -> new DrsJob.ParticipatingServer(p.sourceServerID(), p.launchStatusAsString(),
                                p.recoveryInstanceID()))
                        .toList(),
                job.tags());
    }

    static DrsRecoveryInstance recoveryInstance(RecoveryInstance ri) {
        String hostname = ri.recoveryInstanceProperties() == null
                || ri.recoveryInstanceProperties().identificationHints() == null
                ? null : ri.recoveryInstanceProperties().identificationHints().hostname();
        return new DrsRecoveryInstance(ri.recoveryInstanceID(), ri.ec2InstanceID(), ri.ec2InstanceStateAsString(),
                ri.sourceServerID(), ri.jobID(), ri.isDrill(), ri.pointInTimeSnapshotDateTime(), hostname,
                ri.originAvailabilityZone(), ri.tags());
    }

    static ObjectNode logItem(JobLog log) {
        ObjectNode out = JsonFields.object();
        put(out, "event", log.eventAsString());
        put(out, "logDateTime", log.logDateTime());
        ObjectNode data = out.putObject("eventData");
        JobLogEventData d = log.eventData();
        if (d != null) {
            put(data, "sourceServerId", d.sourceServerID());
            put(data, "conversionServerId", d.conversionServerID());
            put(data, "targetInstanceId", d.targetInstanceID());
            put(data, "rawError", d.rawError());
            put(out, "sourceServerId", d.sourceServerID());
            put(out, "conversionServerId", d.conversionServerID());
            put(out, "error", d.rawError());
        }
        return out;
    }

    static ObjectNode launchConfiguration(GetLaunchConfigurationResponse r) {
        return launchConfiguration(r.sourceServerID(), r.name(), r.ec2LaunchTemplateID(), r.launchDispositionAsString(),
                r.targetInstanceTypeRightSizingMethodAsString(), r.copyPrivateIp(), r.copyTags(),
                r.licensing() == null ? null : r.licensing().osByol(), r.postLaunchEnabled());
    }

    static ObjectNode launchConfiguration(UpdateLaunchConfigurationResponse r) {
        return launchConfiguration(r.sourceServerID(), r.name(), r.ec2LaunchTemplateID(), r.launchDispositionAsString(),
                r.targetInstanceTypeRightSizingMethodAsString(), r.copyPrivateIp(), r.copyTags(),
                r.licensing() == null ? null : r.licensing().osByol(), r.postLaunchEnabled());
    }

    private static ObjectNode launchConfiguration(String serverId, String name, String templateId, String disposition,
                                                  String rightSizing, Boolean copyPrivateIp, Boolean copyTags,
                                                  Boolean osByol, Boolean postLaunchEnabled) {
        ObjectNode out = JsonFields.object();
        put(out, "sourceServerID", serverId);
        put(out, "name", name);
        put(out, "ec2LaunchTemplateID", templateId);
        put(out, "launchDisposition", disposition);
        put(out, "targetInstanceTypeRightSizingMethod", rightSizing);
        put(out, "copyPrivateIp", copyPrivateIp);
        put(out, "copyTags", copyTags);
        put(out, "osByol", osByol);
        put(out, "postLaunchEnabled", postLaunchEnabled);
        return out;
    }

    static ObjectNode stagingServer(StagingSourceServer s) {
        ObjectNode out = JsonFields.object();
        put(out, "arn", s.arn());
        put(out, "hostname", s.hostname());
        out.set("tags", JsonFields.tags(s.tags()));
        return out;
    }
}
