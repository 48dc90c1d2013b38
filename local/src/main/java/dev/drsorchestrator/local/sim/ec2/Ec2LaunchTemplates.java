package dev.drsorchestrator.local.sim.ec2;

import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.QueryParams;
import dev.drsorchestrator.local.sim.http.Xml;
import dev.drsorchestrator.local.sim.model.Fleet;
import dev.drsorchestrator.local.sim.model.LaunchTemplate;
import dev.drsorchestrator.local.sim.model.LaunchTemplateVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Launch template reads and writes (the part of a DRS launch configuration that lives in EC2), and CreateTags. */
final class Ec2LaunchTemplates {
    private static final String DATA = "LaunchTemplateData.";
    private static final String NIC = DATA + "NetworkInterface.1.";

    private final Fleet fleet;

    Ec2LaunchTemplates(Fleet fleet) {
        this.fleet = fleet;
    }

    String describeVersions(Ec2Call call) {
        LaunchTemplate template = template(call);
        List<String> wanted = QueryParams.list(call.params(), "LaunchTemplateVersion");
        List<LaunchTemplateVersion> versions = new ArrayList<>();
        if (wanted.isEmpty()) {
            versions.addAll(template.versions());
        }
        for (String w : wanted) {
            long number = switch (w) {
                case "$Latest" -> template.latestVersion();
                case "$Default" -> template.defaultVersion();
                default -> parseVersion(w);
            };
            LaunchTemplateVersion version = template.versions().stream().filter(v -> v.versionNumber() == number)
                    .findFirst().orElseThrow(() -> new AwsException("InvalidLaunchTemplateId.VersionNotFound", 400,
                            "Could not find launch template version " + w + " for template "
                                    + template.launchTemplateId()));
            versions.add(version);
        }
        Xml xml = Xml.fragment().open("launchTemplateVersionSet");
        for (LaunchTemplateVersion v : versions) {
            xml.open("item");
            version(xml, template, v, call.accountId());
            xml.close("item");
        }
        return xml.close("launchTemplateVersionSet").toString();
    }

    String createVersion(Ec2Call call) {
        LaunchTemplate template = template(call);
        Map<String, String> p = call.params();
        LaunchTemplateVersion base = null;
        if (p.containsKey("SourceVersion")) {
            long number = parseVersion(p.get("SourceVersion"));
            base = template.versions().stream().filter(v -> v.versionNumber() == number).findFirst()
                    .orElseThrow(() -> new AwsException("InvalidLaunchTemplateId.VersionNotFound", 400,
                            "Could not find launch template version " + number));
        }
        boolean anyData = p.keySet().stream().anyMatch(k -> k.startsWith(DATA));
        if (!anyData && base == null) {
            throw new AwsException("MissingParameter", 400, "The request must contain the parameter"
                    + " LaunchTemplateData");
        }
        String instanceType = p.getOrDefault(DATA + "InstanceType", base == null ? null : base.instanceType());
        if (instanceType != null && fleet.instanceTypes().stream().noneMatch(t -> t.instanceType().equals(instanceType))) {
            throw new AwsException("InvalidParameterValue", 400, "Invalid value '" + instanceType
                    + "' for InstanceType");
        }
        String subnet = p.getOrDefault(NIC + "SubnetId", base == null ? null : base.subnetId());
        if (subnet != null && fleet.subnets(call.accountId(), call.region()).stream()
                .noneMatch(s -> s.subnetId().equals(subnet))) {
            throw new AwsException("InvalidSubnetID.NotFound", 400, "The subnet ID '" + subnet + "' does not exist");
        }
        List<String> groups = QueryParams.list(p, NIC + "SecurityGroupId");
        if (groups.isEmpty() && base != null) {
            groups = base.securityGroupIds();
        }
        String privateIp = p.getOrDefault(NIC + "PrivateIpAddress", base == null ? null : base.privateIpAddress());
        LaunchTemplateVersion created = fleet.addLaunchTemplateVersion(call.accountId(), call.region(),
                template.launchTemplateId(), new LaunchTemplateVersion(0, p.get("VersionDescription"), null,
                        instanceType, subnet, groups, privateIp));
        LaunchTemplate updated = template(call);
        Xml xml = Xml.fragment().open("launchTemplateVersion");
        version(xml, updated, created, call.accountId());
        return xml.close("launchTemplateVersion").toString();
    }

    String modify(Ec2Call call) {
        LaunchTemplate template = template(call);
        String version = call.params().get("SetDefaultVersion");
        LaunchTemplate updated = version == null ? template : fleet.setDefaultLaunchTemplateVersion(call.accountId(),
                call.region(), template.launchTemplateId(), parseVersion(version));
        return Xml.fragment().open("launchTemplate").leaf("launchTemplateId", updated.launchTemplateId())
                .leaf("launchTemplateName", updated.name()).leaf("createTime", updated.createTime())
                .leaf("createdBy", "arn:aws:iam::" + call.accountId() + ":root")
                .leaf("defaultVersionNumber", updated.defaultVersion())
                .leaf("latestVersionNumber", updated.latestVersion()).close("launchTemplate").toString();
    }

    String createTags(Ec2Call call) {
        List<String> resources = QueryParams.list(call.params(), "ResourceId");
        if (resources.isEmpty()) {
            throw new AwsException("MissingParameter", 400, "The request must contain the parameter ResourceId");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int index : QueryParams.indexes(call.params(), "Tag")) {
            String key = call.params().get("Tag." + index + ".Key");
            if (key == null || key.isEmpty() || key.length() > 128 || key.startsWith("aws:")) {
                throw new AwsException("InvalidParameterValue", 400, "Tag." + index + ".Key must be 1 to 128"
                        + " characters and must not start with aws:");
            }
            tags.put(key, call.params().getOrDefault("Tag." + index + ".Value", ""));
        }
        if (tags.isEmpty()) {
            throw new AwsException("MissingParameter", 400, "The request must contain the parameter Tag");
        }
        fleet.tagEc2Resources(call.accountId(), call.region(), resources, tags);
        return Xml.fragment().leaf("return", true).toString();
    }

    private LaunchTemplate template(Ec2Call call) {
        String id = call.params().get("LaunchTemplateId");
        String name = call.params().get("LaunchTemplateName");
        if (id == null && name == null) {
            throw new AwsException("MissingParameter", 400, "The request must contain the parameter"
                    + " LaunchTemplateId or LaunchTemplateName");
        }
        if (id != null) {
            return fleet.launchTemplate(call.accountId(), call.region(), id).orElseThrow(() -> new AwsException(
                    "InvalidLaunchTemplateId.NotFound", 400, "The specified launch template, with template ID "
                    + id + ", does not exist."));
        }
        return fleet.launchTemplateByName(call.accountId(), call.region(), name).orElseThrow(() -> new AwsException(
                "InvalidLaunchTemplateName.NotFoundException", 400, "The specified launch template, with template"
                + " name " + name + ", does not exist."));
    }

    private static void version(Xml xml, LaunchTemplate template, LaunchTemplateVersion v, String accountId) {
        xml.leaf("launchTemplateId", template.launchTemplateId()).leaf("launchTemplateName", template.name())
                .leaf("versionNumber", v.versionNumber()).leaf("versionDescription", v.description())
                .leaf("createTime", v.createTime()).leaf("createdBy", "arn:aws:iam::" + accountId + ":root")
                .leaf("defaultVersion", v.versionNumber() == template.defaultVersion())
                .open("launchTemplateData").leaf("instanceType", v.instanceType());
        if (v.subnetId() != null || !v.securityGroupIds().isEmpty() || v.privateIpAddress() != null) {
            xml.open("networkInterfaceSet").open("item").leaf("deviceIndex", 0).leaf("subnetId", v.subnetId())
                    .leaf("privateIpAddress", v.privateIpAddress()).open("groupSet");
            v.securityGroupIds().forEach(g -> xml.leaf("groupId", g));
            xml.close("groupSet").close("item").close("networkInterfaceSet");
        }
        xml.close("launchTemplateData");
    }

    private static long parseVersion(String raw) {
        try {
            long number = Long.parseLong(raw);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AwsException("InvalidLaunchTemplateId.VersionNotFound", 400, "Could not find launch template"
                + " version " + raw);
    }
}
