package dev.drsorchestrator.shared.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4CidrTest {

    @Test
    void parse_shouldExposeBlockBounds_whenGivenSubnetCidr() {
        // GIVEN a /24 subnet WHEN parsed
        Ipv4Cidr cidr = Ipv4Cidr.parse("10.0.1.0/24");

        // THEN its size, broadcast address and membership follow
        assertThat(cidr.size()).isEqualTo(256);
        assertThat(cidr.broadcastAddress()).hasToString("10.0.1.255");
        assertThat(cidr.contains(Ipv4Address.parse("10.0.1.77"))).isTrue();
        assertThat(cidr.contains(Ipv4Address.parse("10.0.2.0"))).isFalse();
        assertThat(cidr).hasToString("10.0.1.0/24");
    }

    @Test
    void parse_shouldHandleExtremePrefixes_whenBlockIsWholeSpaceOrSingleHost() {
        // GIVEN /0 and /32 WHEN parsed THEN membership is all or one address
        assertThat(Ipv4Cidr.parse("0.0.0.0/0").contains(Ipv4Address.parse("255.255.255.255"))).isTrue();
        assertThat(Ipv4Cidr.parse("0.0.0.0/0").size()).isEqualTo(1L << 32);
        Ipv4Cidr host = Ipv4Cidr.parse("192.168.0.9/32");
        assertThat(host.contains(Ipv4Address.parse("192.168.0.9"))).isTrue();
        assertThat(host.contains(Ipv4Address.parse("192.168.0.8"))).isFalse();
        assertThat(Ipv4Cidr.parse("200.0.0.0/8").broadcastAddress()).hasToString("200.255.255.255");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"10.0.1.0", "10.0.1.0/", "10.0.1.0/33", "10.0.1.5/24", "10.0.1.0/024", "10.0.1/24",
        "10.0.1.0/-1", "10.0.1.0/2a", "a.b.c.d/8"})
    void tryParse_shouldBeEmpty_whenTextIsNotACanonicalBlock(String text) {
        // GIVEN malformed or non-canonical text WHEN parsed THEN refused
        assertThat(Ipv4Cidr.tryParse(text)).isEmpty();
    }

    @Test
    void constructor_shouldThrow_whenHostBitsAreSet() {
        // GIVEN a network address with host bits WHEN built THEN a programming error
        assertThatThrownBy(() -> new Ipv4Cidr(Ipv4Address.parse("10.0.0.1"), 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Cidr.parse("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "10.0.1.25", "192.168.100.1"})
    void addressParse_shouldRoundTrip_whenGivenStrictDottedQuad(String text) {
        // GIVEN a valid address WHEN parsed and printed THEN unchanged
        assertThat(Ipv4Address.parse(text)).hasToString(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"256.0.0.1", "10.0.0", "10.0.0.1.2", "010.0.0.1", "10.0.0.-1", "10.0.0.1 ", " 10.0.0.1",
        "10..0.1", "1e1.0.0.1", "::1", "10.0.0.1/32", "1000.0.0.1"})
    void addressTryParse_shouldBeEmpty_whenNotStrictIpv4(String text) {
        // GIVEN anything but a strict dotted quad WHEN parsed THEN refused
        assertThat(Ipv4Address.tryParse(text)).isEmpty();
    }
}
