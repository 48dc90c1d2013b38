package dev.drsorchestrator.datamanagement.launch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.launch.Ipv4Cidr;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import java.util.List;
import java.util.Map;

/** Looks up the IPv4 CIDR of a subnet in a group's account and region (EC2 DescribeSubnets by subnet id). */
public final class SubnetCidrs {
    private final Gateways gateways;
    private final AccountIdentities accounts;

    /** Lookups through the EC2 gateway of each group's account. */
    public SubnetCidrs(Gateways gateways, AccountIdentities accounts) {
        this.gateways = gateways;
        this.accounts = accounts;
    }

    /** The CIDR of {@code subnetId}; a 400 naming {@code field} when the subnet does not exist there. */
    public Ipv4Cidr of(ProtectionGroup group, String field, String subnetId) {
        List<JsonNode> subnets = gateways.ec2(accounts.of(group.accountId(), group.assumeRoleName()), group.region())
                .describeSubnets(Map.of("subnet-id", List.of(subnetId)));
        return subnets.stream().map(s -> s.path("cidrBlock").asText(null)).filter(c -> c != null)
                .findFirst().flatMap(Ipv4Cidr::tryParse)
                .orElseThrow(() -> new ValidationException("Field '" + field + "' names subnet " + subnetId
                        + ", which does not exist in " + group.region() + " of account " + group.accountId()));
    }
}
