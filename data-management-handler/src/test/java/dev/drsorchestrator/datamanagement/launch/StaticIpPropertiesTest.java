package dev.drsorchestrator.datamanagement.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.launch.Ipv4Address;
import dev.drsorchestrator.shared.launch.Ipv4Cidr;
import dev.drsorchestrator.shared.launch.StaticIpRules;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StaticIpPropertiesTest {

    @Property
    void check_shouldRejectEveryAddressOutsideTheSubnet(@ForAll @IntRange(min = 16, max = 28) int prefix,
            @ForAll int networkBits, @ForAll int candidateBits) {
        // GIVEN a subnet and an address outside it
        Ipv4Cidr subnet = new Ipv4Cidr(new Ipv4Address(networkBits & (-1 << (32 - prefix))), prefix);
        Ipv4Address candidate = new Ipv4Address(candidateBits);
        if (subnet.contains(candidate)) {
            candidate = new Ipv4Address((int) (subnet.broadcastAddress().unsignedValue() + 1));
        }
        // WHEN
        var violation = StaticIpRules.check("launchTemplate.staticPrivateIp", candidate.toString(), subnet, List.of());
        // THEN
        assertThat(violation).isPresent();
        assertThat(violation.get().field()).isEqualTo("launchTemplate.staticPrivateIp");
    }
}
