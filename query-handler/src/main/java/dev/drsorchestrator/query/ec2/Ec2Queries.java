package dev.drsorchestrator.query.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.query.support.Pages;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Pagination;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.security.Permission;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * EC2 and IAM reads that fill the launch-settings dropdowns: subnets, security groups (optionally of one VPC),
 * instance profiles and instance types of an account in a region. Lists keep the original's field names and add
 * {@code nextToken}.
 */
public final class Ec2Queries {
    private static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8,17}");
    private final QueryContext context;

    private Ec2Queries(QueryContext context) {
        this.context = context;
    }

    /** The operations of this group. */
    public static List<Operation> operations(QueryContext context) {
        Ec2Queries ec2 = new Ec2Queries(context);
        return List.of(
                Operation.of("get_ec2_subnets", Permission.CONFIG_READ, ec2::subnets, Route.get("/ec2/subnets")),
                Operation.of("get_ec2_security_groups", Permission.CONFIG_READ, ec2::securityGroups,
                        Route.get("/ec2/security-groups")),
                Operation.of("get_ec2_instance_profiles", Permission.CONFIG_READ, ec2::instanceProfiles,
                        Route.get("/ec2/instance-profiles")),
                Operation.of("get_ec2_instance_types", Permission.CONFIG_READ, ec2::instanceTypes,
                        Route.get("/ec2/instance-types")));
    }

    Object subnets(OperationRequest request) {
        return list(request, "get_ec2_subnets", "subnets", "", (account, region) -> context.gateways()
                .ec2(account, region).describeSubnets(Map.of()), n -> n.path("subnetId").asText());
    }

    Object securityGroups(OperationRequest request) {
        Optional<String> vpcId = request.parameter("vpcId").filter(v -> !v.isBlank()).map(String::trim).map(v -> {
            if (!VPC_ID.matcher(v).matches()) {
                throw new ValidationException("Field 'vpcId' must be a VPC id (vpc- followed by 8 to 17 hex digits)");
            }
            return v;
        });
        Map<String, List<String>> filters = vpcId.map(v -> Map.of("vpc-id", List.of(v))).orElse(Map.of());
        return list(request, "get_ec2_security_groups", "securityGroups", vpcId.orElse(""),
                (account, region) -> context.gateways().ec2(account, region).describeSecurityGroups(filters),
                n -> n.path("groupName").asText() + n.path("groupId").asText());
    }

    Object instanceProfiles(OperationRequest request) {
        return list(request, "get_ec2_instance_profiles", "instanceProfiles", "",
                (account, region) -> context.gateways().iam(account).listInstanceProfiles(),
                n -> n.path("instanceProfileName").asText());
    }

    Object instanceTypes(OperationRequest request) {
        return list(request, "get_ec2_instance_types", "instanceTypes", "",
                (account, region) -> context.gateways().ec2(account, region).describeInstanceTypes(List.of()),
                n -> n.path("instanceType").asText());
    }

    private interface Read {
        List<JsonNode> read(AccountContext account, String region);
    }

    private Object list(OperationRequest request, String operation, String field, String extra, Read read,
            Function<JsonNode, String> sortKey) {
        String region = Params.region(request);
        String query = String.join("|", operation, region,
                request.parameter("accountId").filter(v -> !v.isBlank()).orElse(""), extra);
        Pagination.Page page = context.pagination().read(request, query);
        AccountContext account = context.targets().fromParameter(request, "accountId");
        List<JsonNode> all = read.read(account, region).stream().sorted(Comparator.comparing(sortKey)).toList();
        Pages.Slice<JsonNode> slice = Pages.slice(all, page, context.pagination(), query);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(field, slice.items());
        out.put("count", slice.items().size());
        out.put("totalCount", all.size());
        out.put("region", region);
        out.put("nextToken", slice.nextToken());
        return out;
    }
}
