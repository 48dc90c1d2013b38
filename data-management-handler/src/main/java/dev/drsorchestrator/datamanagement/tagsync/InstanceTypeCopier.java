package dev.drsorchestrator.datamanagement.tagsync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.Ec2Gateway;
import dev.drsorchestrator.shared.gateway.LaunchConfigurationUpdate;
import dev.drsorchestrator.shared.gateway.LaunchTemplateChanges;
import java.util.List;

/**
 * The optional half of tag sync: makes a DRS source server's recovery instance launch with its source instance's
 * type. DRS keeps the type in the EC2 launch template its launch configuration names, so a new template version with
 * that type becomes the default; and because DRS right-sizing ({@code BASIC}) would pick its own type, right-sizing
 * is set to {@code NONE} when it is anything else. Nothing is written when both already hold.
 */
final class InstanceTypeCopier {
    static final String NO_RIGHT_SIZING = "NONE";
    static final String DESCRIPTION = "DRS Orchestrator tag sync: source instance type";

    private final DrsGateway drs;
    private final Ec2Gateway ec2;

    InstanceTypeCopier(DrsGateway drs, Ec2Gateway ec2) {
        this.drs = drs;
        this.ec2 = ec2;
    }

    /**
     * The outcome of copying one server's source type.
     *
     * @param status          updated, unchanged or failed
     * @param previousType    the template's type before (null when unknown)
     * @param rightSizingOff  whether right-sizing was switched to NONE
     * @param error           why it failed, else null
     */
    record Outcome(String status, String previousType, boolean rightSizingOff, String error) {
        static Outcome failed(String error) {
            return new Outcome("failed", null, false, error);
        }
    }

    Outcome copy(String sourceServerId, String instanceType) {
        if (instanceType == null || instanceType.isBlank()) {
            return Outcome.failed("the source instance reports no instance type");
        }
        try {
            JsonNode config = drs.getLaunchConfiguration(sourceServerId);
            String templateId = config.path("ec2LaunchTemplateID").asText(null);
            if (templateId == null || templateId.isBlank()) {
                return Outcome.failed("DRS reports no EC2 launch template for the server");
            }
            JsonNode latest = ec2.describeLaunchTemplateVersions(templateId, List.of("$Latest")).stream().findFirst()
                    .orElse(null);
            if (latest == null || latest.path("versionNumber").asText(null) == null) {
                return Outcome.failed("EC2 reports no version of launch template " + templateId);
            }
            String previous = latest.path("launchTemplateData").path("instanceType").asText(null);
            boolean typeChanges = !instanceType.equals(previous);
            boolean rightSizingChanges = !NO_RIGHT_SIZING.equals(
                    config.path("targetInstanceTypeRightSizingMethod").asText(NO_RIGHT_SIZING));
            if (typeChanges) {
                long version = ec2.createLaunchTemplateVersion(templateId, latest.path("versionNumber").asText(),
                        new LaunchTemplateChanges(instanceType, null, null, null, null, DESCRIPTION));
                ec2.modifyLaunchTemplate(templateId, Long.toString(version));
            }
            if (rightSizingChanges) {
                drs.updateLaunchConfiguration(sourceServerId, new LaunchConfigurationUpdate(null, null, null, null,
                        NO_RIGHT_SIZING, null, null));
            }
            return new Outcome(typeChanges || rightSizingChanges ? "updated" : "unchanged", previous,
                    rightSizingChanges, null);
        } catch (AwsCallFailure failure) {
            return Outcome.failed(failure.errorCode() + ": " + failure.errorType().friendlyMessage());
        }
    }
}
