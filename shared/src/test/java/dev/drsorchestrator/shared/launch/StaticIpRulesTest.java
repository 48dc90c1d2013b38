package dev.drsorchestrator.shared.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaticIpRulesTest {

    private static final String FIELD = "launchConfig.staticPrivateIp";
    private static final Ipv4Cidr SUBNET = Ipv4Cidr.parse("10.0.1.0/24");

    @ParameterizedTest
    @ValueSource(strings = {"10.0.1.4", "10.0.1.25", "10.0.1.254"})
    void check_shouldAccept_whenIpIsUsableInSubnet(String ip) {
        // GIVEN an address past the reserved ones and before broadcast WHEN checked THEN accepted
        assertThat(StaticIpRules.check(FIELD, ip, SUBNET, List.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.1.0,notNetworkAddress", "10.0.1.1,notAwsReserved", "10.0.1.2,notAwsReserved",
        "10.0.1.3,notAwsReserved", "10.0.1.255,notBroadcastAddress", "10.0.2.4,insideSubnet",
        "192.168.1.10,insideSubnet", "10.0.1,ipv4", "10.0.1.300,ipv4", "'',ipv4"
    })
    void check_shouldNameTheRule_whenIpIsNotUsable(String ip, String rule) {
        // GIVEN an unusable address WHEN checked
        Optional<Violation> violation = StaticIpRules.check(FIELD, ip, SUBNET, List.of());

        // THEN the violation names the field and the rule
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.field()).isEqualTo(FIELD);
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.message()).startsWith(FIELD);
        });
    }

    @Test
    void check_shouldReject_whenNullIp() {
        // GIVEN no address where one is required WHEN checked THEN the format rule fails
        assertThat(StaticIpRules.check(FIELD, null, SUBNET, List.of())).map(Violation::rule).contains("ipv4");
    }

    @Test
    void check_shouldReject_whenAnotherServerHasTheIp() {
        // GIVEN the address already assigned in the subnet WHEN checked THEN the uniqueness rule fails
        assertThat(StaticIpRules.check(FIELD, "10.0.1.50", SUBNET, List.of("10.0.1.49", "junk", "10.0.1.50")))
                .map(Violation::rule).contains("uniqueInSubnet");
    }

    @Test
    void checkAll_shouldReportRepeatsAndUnknownSubnets_whenCheckingSeveralServers() {
        // GIVEN seven servers: two share an IP in one subnet, one uses an unknown subnet, one has no static IP, one
        // takes a reserved address of a /28 and one a usable one
        Map<String, Ipv4Cidr> subnets = Map.of("subnet-a", SUBNET, "subnet-b", Ipv4Cidr.parse("10.0.2.0/28"));
        List<StaticIpAssignment> assignments = List.of(
                new StaticIpAssignment("servers[0].staticPrivateIp", "subnet-a", "10.0.1.10"),
                new StaticIpAssignment("servers[1].staticPrivateIp", "subnet-b", "10.0.1.10"),
                new StaticIpAssignment("servers[2].staticPrivateIp", "subnet-a", "10.0.1.10"),
                new StaticIpAssignment("servers[3].staticPrivateIp", "subnet-z", "10.0.9.10"),
                new StaticIpAssignment("servers[4].staticPrivateIp", "subnet-a", " "),
                new StaticIpAssignment("servers[5].staticPrivateIp", "subnet-b", "10.0.2.2"),
                new StaticIpAssignment("servers[6].staticPrivateIp", "subnet-b", "10.0.2.14"));

        // WHEN checked together
        List<Violation> violations = StaticIpRules.checkAll(assignments, subnets);

        // THEN the outside address, the repeat, the unknown subnet and the reserved address are named
        assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("servers[1].staticPrivateIp", "insideSubnet"),
                tuple("servers[2].staticPrivateIp", "uniqueInSubnet"),
                tuple("servers[3].staticPrivateIp", "knownSubnet"),
                tuple("servers[5].staticPrivateIp", "notAwsReserved"));
    }

    @Test
    void checkAll_shouldReportBroadcast_whenSmallSubnetsLastAddressIsUsed() {
        // GIVEN a /28 whose last address is .15 WHEN checked THEN broadcast is named
        List<Violation> violations = StaticIpRules.checkAll(
                List.of(new StaticIpAssignment("ip", "subnet-b", "10.0.2.15")),
                Map.of("subnet-b", Ipv4Cidr.parse("10.0.2.0/28")));

        assertThat(violations).extracting(Violation::rule).containsExactly("notBroadcastAddress");
    }
}
