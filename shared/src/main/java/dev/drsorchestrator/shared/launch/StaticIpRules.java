package dev.drsorchestrator.shared.launch;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a static private IP for a recovery instance before it is saved, because EC2 would otherwise refuse the launch
 * in the middle of a recovery. The IP must be a strict IPv4 address inside the subnet's CIDR block, must not be the
 * network address, one of the other addresses AWS reserves at the start of the block (.1 to .3), or the broadcast
 * address, and must not repeat another server's IP in the same subnet.
 */
public final class StaticIpRules {

    private StaticIpRules() {
    }

    /**
     * Checks one IP.
     *
     * @param field        JSON path reported in the violation
     * @param ip           the requested address
     * @param subnet       the subnet's CIDR block
     * @param otherIpsUsed IPs already assigned to other servers in the same subnet (unparsable entries are ignored)
     * @return the first rule the IP breaks, or empty when it is usable
     */
    public static Optional<Violation> check(String field, String ip, Ipv4Cidr subnet, Collection<String> otherIpsUsed) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(otherIpsUsed, "otherIpsUsed");
        Optional<Ipv4Address> parsed = Ipv4Address.tryParse(ip);
        if (parsed.isEmpty()) {
            return Optional.of(new Violation(field, "ipv4", field + " must be an IPv4 address such as 10.0.1.25"));
        }
        Optional<Violation> placement = checkPlacement(field, parsed.get(), subnet);
        if (placement.isPresent()) {
            return placement;
        }
        boolean taken = otherIpsUsed.stream()
                .map(Ipv4Address::tryParse)
                .anyMatch(other -> other.isPresent() && other.get().equals(parsed.get()));
        if (taken) {
            return Optional.of(new Violation(field, "uniqueInSubnet",
                    field + " " + parsed.get() + " is already assigned to another server in this subnet"));
        }
        return Optional.empty();
    }

    /**
     * Checks the static IPs of several servers together, including repeats among them.
     *
     * @param assignments the requested IPs; blank IPs mean "no static IP" and are skipped
     * @param subnetCidrs the CIDR block of every subnet the assignments use, by subnet id
     * @return every violation, at most one per assignment; a repeated IP is reported on the later assignments
     */
    public static List<Violation> checkAll(List<StaticIpAssignment> assignments, Map<String, Ipv4Cidr> subnetCidrs) {
        Objects.requireNonNull(assignments, "assignments");
        Objects.requireNonNull(subnetCidrs, "subnetCidrs");
        List<Violation> violations = new ArrayList<>();
        Map<String, List<String>> usedBySubnet = new HashMap<>();
        for (StaticIpAssignment assignment : assignments) {
            if (assignment.ip() == null || assignment.ip().isBlank()) {
                continue;
            }
            Ipv4Cidr subnet = assignment.subnetId() == null ? null : subnetCidrs.get(assignment.subnetId());
            if (subnet == null) {
                violations.add(new Violation(assignment.field(), "knownSubnet", assignment.field()
                        + " needs a subnet with a known CIDR block; subnet " + assignment.subnetId() + " is unknown"));
                continue;
            }
            List<String> used = usedBySubnet.computeIfAbsent(assignment.subnetId(), id -> new ArrayList<>());
            Optional<Violation> violation = check(assignment.field(), assignment.ip(), subnet, used);
            violation.ifPresent(violations::add);
            if (violation.isEmpty()) {
                used.add(assignment.ip());
            }
        }
        return List.copyOf(violations);
    }

    /** Whether an address can be given to an instance in the subnet, ignoring other servers' assignments. */
    public static boolean isUsable(Ipv4Address address, Ipv4Cidr subnet) {
        return checkPlacement("ip", address, subnet).isEmpty();
    }

    private static Optional<Violation> checkPlacement(String field, Ipv4Address address, Ipv4Cidr subnet) {
        if (!subnet.contains(address)) {
            return Optional.of(new Violation(field, "insideSubnet",
                    field + " " + address + " is outside the subnet's CIDR block " + subnet));
        }
        long offset = subnet.offsetOf(address);
        if (offset == 0) {
            return Optional.of(new Violation(field, "notNetworkAddress",
                    field + " " + address + " is the network address of " + subnet));
        }
        if (address.equals(subnet.broadcastAddress())) {
            return Optional.of(new Violation(field, "notBroadcastAddress",
                    field + " " + address + " is the broadcast address of " + subnet + ", which AWS reserves"));
        }
        if (offset < Ipv4Cidr.AWS_RESERVED_AT_START) {
            return Optional.of(new Violation(field, "notAwsReserved", field + " " + address
                    + " is one of the first four addresses of " + subnet + ", which AWS reserves"));
        }
        return Optional.empty();
    }
}
