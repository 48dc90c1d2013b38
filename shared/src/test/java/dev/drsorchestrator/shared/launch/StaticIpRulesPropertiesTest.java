package dev.drsorchestrator.shared.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StaticIpRulesPropertiesTest {

    private static Ipv4Cidr subnet(int base, int prefix) {
        int mask = -1 << (32 - prefix);
        return new Ipv4Cidr(new Ipv4Address(base & mask), prefix);
    }

    @Property
    void check_shouldRejectAsOutside_whenIpIsOutsideTheBlock(@ForAll int base,
                                                             @ForAll @IntRange(min = 16, max = 28) int prefix,
                                                             @ForAll int candidate) {
        // GIVEN any AWS-sized subnet and any address outside it
        Ipv4Cidr cidr = subnet(base, prefix);
        Ipv4Address address = new Ipv4Address(candidate);
        net.jqwik.api.Assume.that(!cidr.contains(address));

        // WHEN checked THEN always rejected as outside
        assertThat(StaticIpRules.check("ip", address.toString(), cidr, List.of()))
                .hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("insideSubnet"));
    }

    @Property
    void check_shouldAccept_whenIpIsAnyUsableAddressInside(@ForAll int base,
                                                           @ForAll @IntRange(min = 16, max = 28) int prefix,
                                                           @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int pick) {
        // GIVEN any AWS-sized subnet and any address between the reserved start and the broadcast address
        Ipv4Cidr cidr = subnet(base, prefix);
        long usable = cidr.size() - Ipv4Cidr.AWS_RESERVED_AT_START - 1;
        long offset = Ipv4Cidr.AWS_RESERVED_AT_START + Math.floorMod(pick, usable);
        Ipv4Address address = new Ipv4Address((int) (cidr.network().unsignedValue() + offset));

        // WHEN checked THEN accepted, and the text form parses back to the same address
        assertThat(StaticIpRules.check("ip", address.toString(), cidr, List.of())).isEmpty();
        assertThat(StaticIpRules.isUsable(address, cidr)).isTrue();
        assertThat(Ipv4Address.parse(address.toString())).isEqualTo(address);
    }

    @Property
    void check_shouldReject_whenIpIsReservedOrBroadcast(@ForAll int base,
                                                        @ForAll @IntRange(min = 16, max = 28) int prefix,
                                                        @ForAll @IntRange(min = 0, max = 4) int reservedIndex) {
        // GIVEN one of the five AWS-reserved addresses of the block
        Ipv4Cidr cidr = subnet(base, prefix);
        Ipv4Address address = reservedIndex == 4 ? cidr.broadcastAddress()
                : new Ipv4Address(cidr.network().value() + reservedIndex);

        // WHEN checked THEN rejected
        assertThat(StaticIpRules.isUsable(address, cidr)).isFalse();
    }
}
