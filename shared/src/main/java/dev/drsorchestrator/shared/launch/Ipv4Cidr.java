package dev.drsorchestrator.shared.launch;

import java.util.Optional;

/**
 * An IPv4 block such as a VPC subnet's {@code 10.0.1.0/24}, with the addresses AWS keeps for itself: the first four
 * (network address, VPC router, DNS, future use) and the last (broadcast). Static private IPs are checked against it.
 *
 * @param network      the network address; its host bits are zero
 * @param prefixLength 0..32
 */
public record Ipv4Cidr(Ipv4Address network, int prefixLength) {

    /** Addresses AWS reserves at the start of every subnet (.0 to .3 of the block). */
    public static final int AWS_RESERVED_AT_START = 4;

    /** Requires a canonical block: a prefix of 0..32 and no host bits set in the network address. */
    public Ipv4Cidr {
        if (network == null) {
            throw new IllegalArgumentException("network address is required");
        }
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length must be 0..32, got " + prefixLength);
        }
        if ((network.value() & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException("host bits are set in " + network + "/" + prefixLength);
        }
    }

    /** Parses {@code a.b.c.d/n} with canonical network address, or returns empty. */
    public static Optional<Ipv4Cidr> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash == text.length() - 1 || text.length() - slash > 3) {
            return Optional.empty();
        }
        String prefixText = text.substring(slash + 1);
        if (!prefixText.chars().allMatch(c -> c >= '0' && c <= '9')
                || (prefixText.length() > 1 && prefixText.charAt(0) == '0')) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(prefixText);
        Optional<Ipv4Address> address = Ipv4Address.tryParse(text.substring(0, slash));
        if (address.isEmpty() || prefix > 32 || (address.get().value() & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Cidr(address.get(), prefix));
    }

    /**
     * Parses {@code a.b.c.d/n}.
     *
     * @throws IllegalArgumentException if the text is not a canonical IPv4 CIDR block
     */
    public static Ipv4Cidr parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 CIDR block: " + text));
    }

    /** Number of addresses in the block. */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /** Whether the address lies in the block. */
    public boolean contains(Ipv4Address address) {
        return (address.value() & mask(prefixLength)) == network.value();
    }

    /** The last address of the block, which AWS reserves as broadcast. */
    public Ipv4Address broadcastAddress() {
        return new Ipv4Address(network.value() | ~mask(prefixLength));
    }

    /** Position of an address inside the block, 0 for the network address; the address must be inside. */
    long offsetOf(Ipv4Address address) {
        return address.unsignedValue() - network.unsignedValue();
    }

    /** The {@code a.b.c.d/n} text. */
    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }
}
