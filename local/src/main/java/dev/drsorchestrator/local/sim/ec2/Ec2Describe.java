package dev.drsorchestrator.local.sim.ec2;

import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.Page;
import dev.drsorchestrator.local.sim.http.QueryParams;
import dev.drsorchestrator.local.sim.http.Xml;
import dev.drsorchestrator.local.sim.model.Ec2Instance;
import dev.drsorchestrator.local.sim.model.Fleet;
import dev.drsorchestrator.local.sim.model.InstanceTypeInfo;
import dev.drsorchestrator.local.sim.model.SecurityGroup;
import dev.drsorchestrator.local.sim.model.Subnet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The EC2 Describe* reads: instances, subnets, security groups and instance types, with filters and paging. */
final class Ec2Describe {
    private static final Pattern INSTANCE_ID = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Set<String> INSTANCE_FILTERS = Set.of("instance-id", "instance-state-name", "instance-type",
            "vpc-id", "subnet-id", "availability-zone", "private-ip-address", "tag-key", "platform-details");
    private static final Set<String> SUBNET_FILTERS = Set.of("subnet-id", "vpc-id", "availability-zone",
            "cidr-block", "tag-key");
    private static final Set<String> GROUP_FILTERS = Set.of("group-id", "group-name", "vpc-id", "tag-key");
    private static final Set<String> TYPE_FILTERS = Set.of("instance-type", "vcpu-info.default-vcpus");

    private static final Map<String, Rendered> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Fleet fleet;

    Ec2Describe(Fleet fleet) {
        this.fleet = fleet;
    }

    String instances(Ec2Call call) {
        List<String> ids = QueryParams.list(call.params(), "InstanceId");
        Integer max = call.maxResults(5, 1000);
        if (max != null && !ids.isEmpty()) {
            throw new AwsException("InvalidParameterCombination", 400,
                    "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        for (String id : ids) {
            if (!INSTANCE_ID.matcher(id).matches()) {
                throw new AwsException("InvalidInstanceID.Malformed", 400, "Invalid id: \"" + id + "\"");
            }
        }
        Ec2Filters filters = Ec2Filters.parse(call.params(), INSTANCE_FILTERS);
        List<Ec2Instance> all = fleet.instances(call.accountId(), call.region());
        Set<String> wanted = new HashSet<>(ids);
        if (!ids.isEmpty()) {
            Set<String> known = new HashSet<>();
            all.forEach(i -> known.add(i.instanceId()));
            List<String> missing = new ArrayList<>();
            for (String id : ids) {
                if (!known.contains(id)) {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                throw new AwsException("InvalidInstanceID.NotFound", 400, missing.size() == 1
                        ? "The instance ID '" + missing.get(0) + "' does not exist"
                        : "The instance IDs '" + String.join(", ", missing) + "' do not exist");
            }
        }
        List<Ec2Instance> matching = all.stream().filter(i -> wanted.isEmpty() || wanted.contains(i.instanceId()))
                .filter(i -> filters.matches(i, Ec2Describe::instanceValues)).toList();
        Page<Ec2Instance> page = page(matching, call.params().get("NextToken"), max == null ? 1000 : max);
        Xml xml = Xml.fragment().open("reservationSet");
        for (Ec2Instance i : page.items()) {
            xml.raw(reservation(i));
        }
        return xml.close("reservationSet").leaf("nextToken", page.nextToken()).toString();
    }

    /** An instance's reservation XML, rendered once per instance record (records are replaced on every change). */
    private static String reservation(Ec2Instance i) {
        Rendered cached = RENDERED.get(i.instanceId());
        if (cached == null || cached.instance() != i) {
            Xml xml = Xml.fragment().open("item").leaf("reservationId", "r-" + i.instanceId().substring(2))
                    .leaf("ownerId", i.accountId()).open("groupSet").close("groupSet").open("instancesSet")
                    .open("item");
            instance(xml, i);
            cached = new Rendered(i, xml.close("item").close("instancesSet").close("item").toString());
            RENDERED.put(i.instanceId(), cached);
        }
        return cached.xml();
    }

    private record Rendered(Ec2Instance instance, String xml) {
    }

    private static void instance(Xml xml, Ec2Instance i) {
        int code = switch (i.state()) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            default -> 80;
        };
        xml.leaf("instanceId", i.instanceId()).leaf("imageId", "ami-0" + i.instanceId().substring(3, 10) + "0")
                .open("instanceState").leaf("code", code).leaf("name", i.state()).close("instanceState")
                .leaf("privateDnsName", i.privateIp() == null ? null
                        : "ip-" + i.privateIp().replace('.', '-') + "." + i.region() + ".compute.internal")
                .leaf("dnsName", "").leaf("instanceType", i.instanceType()).leaf("launchTime", i.launchTime())
                .open("placement").leaf("availabilityZone", i.availabilityZone()).leaf("tenancy", "default")
                .close("placement").leaf("subnetId", i.subnetId()).leaf("vpcId", i.vpcId())
                .leaf("privateIpAddress", i.privateIp()).leaf("architecture", "x86_64")
                .leaf("rootDeviceType", "ebs").leaf("rootDeviceName", "/dev/xvda")
                .leaf("platformDetails", i.platformDetails());
        if ("Windows".equals(i.platformDetails())) {
            xml.leaf("platform", "windows");
        }
        xml.open("groupSet");
        for (String group : i.securityGroupIds()) {
            xml.open("item").leaf("groupId", group).close("item");
        }
        xml.close("groupSet");
        tags(xml, i.tags());
    }

    private static List<String> instanceValues(Ec2Instance i, String name) {
        return switch (name) {
            case "instance-id" -> List.of(i.instanceId());
            case "instance-state-name" -> List.of(i.state());
            case "instance-type" -> List.of(i.instanceType());
            case "vpc-id" -> nullable(i.vpcId());
            case "subnet-id" -> nullable(i.subnetId());
            case "availability-zone" -> List.of(i.availabilityZone());
            case "private-ip-address" -> nullable(i.privateIp());
            case "platform-details" -> nullable(i.platformDetails());
            default -> tagValues(i.tags(), name);
        };
    }

    String subnets(Ec2Call call) {
        List<String> ids = QueryParams.list(call.params(), "SubnetId");
        Ec2Filters filters = Ec2Filters.parse(call.params(), SUBNET_FILTERS);
        List<Subnet> all = fleet.subnets(call.accountId(), call.region());
        for (String id : ids) {
            if (all.stream().noneMatch(s -> s.subnetId().equals(id))) {
                throw new AwsException("InvalidSubnetID.NotFound", 400, "The subnet ID '" + id + "' does not exist");
            }
        }
        List<Subnet> matching = all.stream().filter(s -> ids.isEmpty() || ids.contains(s.subnetId()))
                .filter(s -> filters.matches(s, (subnet, name) -> switch (name) {
                    case "subnet-id" -> List.of(subnet.subnetId());
                    case "vpc-id" -> List.of(subnet.vpcId());
                    case "availability-zone" -> List.of(subnet.availabilityZone());
                    case "cidr-block" -> List.of(subnet.cidrBlock());
                    default -> tagValues(subnet.tags(), name);
                })).toList();
        Integer max = call.maxResults(5, 1000);
        Page<Subnet> page = page(matching, call.params().get("NextToken"), max == null ? 1000 : max);
        Xml xml = Xml.fragment().open("subnetSet");
        for (Subnet s : page.items()) {
            xml.open("item").leaf("subnetId", s.subnetId())
                    .leaf("subnetArn", "arn:aws:ec2:" + call.region() + ":" + call.accountId() + ":subnet/"
                            + s.subnetId())
                    .leaf("state", "available").leaf("ownerId", call.accountId()).leaf("vpcId", s.vpcId())
                    .leaf("cidrBlock", s.cidrBlock()).leaf("availableIpAddressCount", availableIps(s.cidrBlock()))
                    .leaf("availabilityZone", s.availabilityZone()).leaf("defaultForAz", false)
                    .leaf("mapPublicIpOnLaunch", false);
            tags(xml, s.tags());
            xml.close("item");
        }
        return xml.close("subnetSet").leaf("nextToken", page.nextToken()).toString();
    }

    String securityGroups(Ec2Call call) {
        List<String> ids = QueryParams.list(call.params(), "GroupId");
        List<String> names = QueryParams.list(call.params(), "GroupName");
        Ec2Filters filters = Ec2Filters.parse(call.params(), GROUP_FILTERS);
        List<SecurityGroup> all = fleet.securityGroups(call.accountId(), call.region());
        for (String id : ids) {
            if (all.stream().noneMatch(g -> g.groupId().equals(id))) {
                throw new AwsException("InvalidGroup.NotFound", 400, "The security group '" + id
                        + "' does not exist");
            }
        }
        List<SecurityGroup> matching = all.stream().filter(g -> ids.isEmpty() || ids.contains(g.groupId()))
                .filter(g -> names.isEmpty() || names.contains(g.groupName()))
                .filter(g -> filters.matches(g, (group, name) -> switch (name) {
                    case "group-id" -> List.of(group.groupId());
                    case "group-name" -> List.of(group.groupName());
                    case "vpc-id" -> List.of(group.vpcId());
                    default -> tagValues(group.tags(), name);
                })).toList();
        Integer max = call.maxResults(5, 1000);
        Page<SecurityGroup> page = page(matching, call.params().get("NextToken"), max == null ? 1000 : max);
        Xml xml = Xml.fragment().open("securityGroupInfo");
        for (SecurityGroup g : page.items()) {
            xml.open("item").leaf("ownerId", call.accountId()).leaf("groupId", g.groupId())
                    .leaf("groupName", g.groupName()).leaf("groupDescription", g.description())
                    .leaf("vpcId", g.vpcId()).open("ipPermissions").close("ipPermissions")
                    .open("ipPermissionsEgress").close("ipPermissionsEgress");
            tags(xml, g.tags());
            xml.close("item");
        }
        return xml.close("securityGroupInfo").leaf("nextToken", page.nextToken()).toString();
    }

    String instanceTypes(Ec2Call call) {
        List<String> wanted = QueryParams.list(call.params(), "InstanceType");
        Integer max = call.maxResults(5, 100);
        Ec2Filters filters = Ec2Filters.parse(call.params(), TYPE_FILTERS);
        List<InstanceTypeInfo> all = fleet.instanceTypes();
        for (String type : wanted) {
            if (all.stream().noneMatch(t -> t.instanceType().equals(type))) {
                throw new AwsException("InvalidInstanceType", 400, "The following supplied instance types do not"
                        + " exist: [" + type + "]");
            }
        }
        List<InstanceTypeInfo> matching = all.stream()
                .filter(t -> wanted.isEmpty() || wanted.contains(t.instanceType()))
                .filter(t -> filters.matches(t, (type, name) -> "instance-type".equals(name)
                        ? List.of(type.instanceType()) : List.of(String.valueOf(type.vcpus())))).toList();
        Page<InstanceTypeInfo> page = page(matching, call.params().get("NextToken"), max == null ? 100 : max);
        Xml xml = Xml.fragment().open("instanceTypeSet");
        for (InstanceTypeInfo t : page.items()) {
            xml.open("item").leaf("instanceType", t.instanceType()).leaf("currentGeneration", true)
                    .open("vCpuInfo").leaf("defaultVCpus", t.vcpus()).close("vCpuInfo")
                    .open("memoryInfo").leaf("sizeInMiB", t.memoryMiB()).close("memoryInfo")
                    .leaf("hypervisor", "nitro").close("item");
        }
        return xml.close("instanceTypeSet").leaf("nextToken", page.nextToken()).toString();
    }

    static void tags(Xml xml, Map<String, String> tags) {
        xml.open("tagSet");
        tags.forEach((k, v) -> xml.open("item").leaf("key", k).leaf("value", v).close("item"));
        xml.close("tagSet");
    }

    private static List<String> tagValues(Map<String, String> tags, String filterName) {
        if ("tag-key".equals(filterName)) {
            return List.copyOf(tags.keySet());
        }
        String value = tags.get(filterName.substring("tag:".length()));
        return value == null ? List.of() : List.of(value);
    }

    private static List<String> nullable(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static long availableIps(String cidr) {
        int bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        return (1L << (32 - bits)) - 5;
    }

    private static <T> Page<T> page(List<T> all, String token, int size) {
        try {
            return Page.of(all, token, size);
        } catch (IllegalArgumentException e) {
            throw new AwsException("InvalidParameterValue", 400, "Invalid value '" + token + "' for nextToken");
        }
    }
}
