package dev.drsorchestrator.shared.gateway;

import static dev.drsorchestrator.shared.gateway.JsonFields.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Turns EC2 SDK objects into our records and camelCase JSON. */
final class Ec2Normalizer {
    private Ec2Normalizer() {
    }

    static Ec2InstanceInfo instance(Instance i) {
        List<Ec2InstanceInfo.NetworkInterfaceInfo> nics = i.networkInterfaces().stream()
                .map(n -> new Ec2InstanceInfo.NetworkInterfaceInfo(n.networkInterfaceId(),
                        n.attachment() == null ? null : n.attachment().deviceIndex(), n.subnetId(),
                        n.privateIpAddress(), n.macAddress(),
                        n.groups().stream().map(GroupIdentifier::groupId).toList()))
                .toList();
        return new Ec2InstanceInfo(i.instanceId(), i.instanceTypeAsString(),
                i.state() == null ? null : i.state().nameAsString(), i.privateIpAddress(), i.subnetId(), i.vpcId(),
                i.placement() == null ? null : i.placement().availabilityZone(),
                i.iamInstanceProfile() == null ? null : i.iamInstanceProfile().arn(), i.platformDetails(),
                i.launchTime() == null ? null : i.launchTime().toString(), tags(i.tags()), nics);
    }

    static JsonNode subnet(Subnet s) {
        ObjectNode out = JsonFields.object();
        put(out, "subnetId", s.subnetId());
        put(out, "vpcId", s.vpcId());
        put(out, "cidrBlock", s.cidrBlock());
        put(out, "availabilityZone", s.availabilityZone());
        put(out, "availableIpAddressCount", s.availableIpAddressCount());
        Map<String, String> tags = tags(s.tags());
        put(out, "name", tags.get("Name"));
        out.set("tags", JsonFields.tags(tags));
        return out;
    }

    static JsonNode securityGroup(SecurityGroup g) {
        ObjectNode out = JsonFields.object();
        put(out, "groupId", g.groupId());
        put(out, "groupName", g.groupName());
        put(out, "description", g.description());
        put(out, "vpcId", g.vpcId());
        out.set("tags", JsonFields.tags(tags(g.tags())));
        return out;
    }

    static JsonNode instanceType(InstanceTypeInfo t) {
        ObjectNode out = JsonFields.object();
        put(out, "instanceType", t.instanceTypeAsString());
        if (t.vCpuInfo() != null) {
            put(out, "vCpus", t.vCpuInfo().defaultVCpus());
        }
        if (t.memoryInfo() != null) {
            put(out, "memoryMiB", t.memoryInfo().sizeInMiB());
        }
        put(out, "currentGeneration", t.currentGeneration());
        return out;
    }

    static JsonNode launchTemplateVersion(LaunchTemplateVersion v) {
        ObjectNode out = JsonFields.object();
        put(out, "launchTemplateId", v.launchTemplateId());
        put(out, "launchTemplateName", v.launchTemplateName());
        put(out, "versionNumber", v.versionNumber());
        put(out, "versionDescription", v.versionDescription());
        put(out, "defaultVersion", v.defaultVersion());
        ObjectNode data = out.putObject("launchTemplateData");
        ResponseLaunchTemplateData d = v.launchTemplateData();
        if (d != null) {
            put(data, "instanceType", d.instanceTypeAsString());
            if (d.iamInstanceProfile() != null) {
                put(data, "iamInstanceProfileArn", d.iamInstanceProfile().arn());
                put(data, "iamInstanceProfileName", d.iamInstanceProfile().name());
            }
            ArrayNode sgs = data.putArray("securityGroupIds");
            d.securityGroupIds().forEach(sgs::add);
            ArrayNode nics = data.putArray("networkInterfaces");
            for (LaunchTemplateInstanceNetworkInterfaceSpecification n : d.networkInterfaces()) {
                ObjectNode nic = nics.addObject();
                put(nic, "deviceIndex", n.deviceIndex());
                put(nic, "subnetId", n.subnetId());
                put(nic, "privateIpAddress", n.privateIpAddress());
                put(nic, "associatePublicIpAddress", n.associatePublicIpAddress());
                ArrayNode groups = nic.putArray("groups");
                n.groups().forEach(groups::add);
            }
        }
        return out;
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}
