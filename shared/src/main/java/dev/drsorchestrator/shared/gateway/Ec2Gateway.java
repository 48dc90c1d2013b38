package dev.drsorchestrator.shared.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.error.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Every EC2 call of the system, for one account context and region. Instance ids are sent at most
 * {@value #MAX_IDS_PER_CALL} per DescribeInstances call, every page is followed, and filters are name → values maps
 * ({@code Map.of("vpc-id", List.of("vpc-1"))}).
 */
public final class Ec2Gateway {
    /** The most instance ids one DescribeInstances call carries. */
    public static final int MAX_IDS_PER_CALL = 100;
    private static final String SERVICE = "ec2";

    private final Ec2Client ec2;

    Ec2Gateway(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /**
     * Instances with these ids (deduplicated, batched) that also match the filters; every instance matching the
     * filters when {@code instanceIds} is empty.
     */
    public List<Ec2InstanceInfo> describeInstances(Collection<String> instanceIds, Map<String, List<String>> filters) {
        List<Filter> ec2Filters = filters(filters);
        List<String> ids = List.copyOf(new LinkedHashSet<>(instanceIds));
        List<Ec2InstanceInfo> out = new ArrayList<>();
        if (ids.isEmpty()) {
            describeBatch(List.of(), ec2Filters, out);
        }
        for (int start = 0; start < ids.size(); start += MAX_IDS_PER_CALL) {
            describeBatch(ids.subList(start, Math.min(ids.size(), start + MAX_IDS_PER_CALL)), ec2Filters, out);
        }
        return List.copyOf(out);
    }

    private void describeBatch(List<String> ids, List<Filter> filters, List<Ec2InstanceInfo> out) {
        AwsFailures.run(SERVICE, "DescribeInstances", () -> {
            for (DescribeInstancesResponse page : ec2.describeInstancesPaginator(b -> {
                if (!ids.isEmpty()) {
                    b.instanceIds(ids);
                }
                if (!filters.isEmpty()) {
                    b.filters(filters);
                }
            })) {
                if (!page.hasReservations()) {
                    throw AwsFailures.incomplete(SERVICE, "DescribeInstances");
                }
                for (Reservation reservation : page.reservations()) {
                    reservation.instances().forEach(i -> out.add(Ec2Normalizer.instance(i)));
                }
            }
        });
    }

    /** Subnets matching the filters: {subnetId, vpcId, cidrBlock, availabilityZone, name, tags}. */
    public List<JsonNode> describeSubnets(Map<String, List<String>> filters) {
        List<Filter> f = filters(filters);
        return AwsFailures.call(SERVICE, "DescribeSubnets", () -> ec2.describeSubnetsPaginator(b -> {
            if (!f.isEmpty()) {
                b.filters(f);
            }
        }).subnets().stream().map(Ec2Normalizer::subnet).toList());
    }

    /** Security groups matching the filters: {groupId, groupName, description, vpcId, tags}. */
    public List<JsonNode> describeSecurityGroups(Map<String, List<String>> filters) {
        List<Filter> f = filters(filters);
        return AwsFailures.call(SERVICE, "DescribeSecurityGroups", () -> ec2.describeSecurityGroupsPaginator(b -> {
            if (!f.isEmpty()) {
                b.filters(f);
            }
        }).securityGroups().stream().map(Ec2Normalizer::securityGroup).toList());
    }

    /** Instance types (all offered when {@code instanceTypes} is empty): {instanceType, vCpus, memoryMiB}. */
    public List<JsonNode> describeInstanceTypes(Collection<String> instanceTypes) {
        return AwsFailures.call(SERVICE, "DescribeInstanceTypes", () -> ec2.describeInstanceTypesPaginator(b -> {
            if (!instanceTypes.isEmpty()) {
                b.instanceTypesWithStrings(instanceTypes);
            }
        }).instanceTypes().stream().map(Ec2Normalizer::instanceType).toList());
    }

    /** Versions of a launch template ({@code $Latest}, {@code $Default} or numbers; all when empty). */
    public List<JsonNode> describeLaunchTemplateVersions(String launchTemplateId, Collection<String> versions) {
        requireText("launchTemplateId", launchTemplateId);
        return AwsFailures.call(SERVICE, "DescribeLaunchTemplateVersions", () -> ec2
                .describeLaunchTemplateVersionsPaginator(b -> {
                    b.launchTemplateId(launchTemplateId);
                    if (!versions.isEmpty()) {
                        b.versions(versions);
                    }
                }).launchTemplateVersions().stream().map(Ec2Normalizer::launchTemplateVersion).toList());
    }

    /** Creates a version from {@code sourceVersion} with the given changes; returns the new version number. */
    public long createLaunchTemplateVersion(String launchTemplateId, String sourceVersion,
                                            LaunchTemplateChanges changes) {
        requireText("launchTemplateId", launchTemplateId);
        requireText("sourceVersion", sourceVersion);
        RequestLaunchTemplateData.Builder data = RequestLaunchTemplateData.builder();
        if (changes.instanceType() != null) {
            data.instanceType(changes.instanceType());
        }
        if (changes.iamInstanceProfileName() != null) {
            data.iamInstanceProfile(p -> p.name(changes.iamInstanceProfileName()));
        }
        if (changes.changesNetwork()) {
            LaunchTemplateInstanceNetworkInterfaceSpecificationRequest.Builder nic =
                    LaunchTemplateInstanceNetworkInterfaceSpecificationRequest.builder().deviceIndex(0)
                            .subnetId(changes.subnetId()).privateIpAddress(changes.privateIpAddress());
            if (changes.securityGroupIds() != null) {
                nic.groups(changes.securityGroupIds());
            }
            data.networkInterfaces(nic.build());
        }
        return AwsFailures.call(SERVICE, "CreateLaunchTemplateVersion", () -> ec2.createLaunchTemplateVersion(b -> b
                .launchTemplateId(launchTemplateId).sourceVersion(sourceVersion)
                .versionDescription(changes.versionDescription()).launchTemplateData(data.build()))
                .launchTemplateVersion().versionNumber());
    }

    /** Makes {@code defaultVersion} the template's default version (the only template change the system makes). */
    public void modifyLaunchTemplate(String launchTemplateId, String defaultVersion) {
        requireText("launchTemplateId", launchTemplateId);
        requireText("defaultVersion", defaultVersion);
        AwsFailures.run(SERVICE, "ModifyLaunchTemplate", () -> ec2.modifyLaunchTemplate(b -> b
                .launchTemplateId(launchTemplateId).defaultVersion(defaultVersion)));
    }

    /** Adds or replaces tags on EC2 resources. */
    public void createTags(Collection<String> resourceIds, Map<String, String> tags) {
        if (resourceIds.isEmpty() || tags.isEmpty()) {
            throw new ValidationException("Fields 'resourceIds' and 'tags' must not be empty");
        }
        List<Tag> ec2Tags = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue())
                .build()).toList();
        AwsFailures.run(SERVICE, "CreateTags", () -> ec2.createTags(b -> b.resources(resourceIds).tags(ec2Tags)));
    }

    private static List<Filter> filters(Map<String, List<String>> filters) {
        if (filters == null) {
            return List.of();
        }
        return filters.entrySet().stream()
                .map(e -> Filter.builder().name(e.getKey()).values(e.getValue()).build()).toList();
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("Field '" + field + "' is required");
        }
    }
}
