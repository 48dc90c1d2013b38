package dev.drsorchestrator.shared.launch;

import java.util.Optional;

/**
 * An IPv4 address held as its 32-bit value, parsed strictly from dotted-quad text: exactly four decimal octets of
 * 0..255 without signs, blanks or leading zeros ({@code "010.0.0.1"} is refused because some tools read it as octal).
 *
 * @param value the address as an unsigned 32-bit number stored in an int
 */
public record Ipv4Address(int value) {

    /** Parses dotted-quad text, or returns empty if it is not a strict IPv4 address. */
    public static Optional<Ipv4Address> tryParse(String text) {
        if (text == null || text.isEmpty() || text.length() > 15) {
            return Optional.empty();
        }
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return Optional.empty();
        }
        int value = 0;
        for (String octet : octets) {
            int parsed = parseOctet(octet);
            if (parsed < 0) {
                return Optional.empty();
            }
            value = (value << 8) | parsed;
        }
        return Optional.of(new Ipv4Address(value));
    }

    /**
     * Parses dotted-quad text.
     *
     * @throws IllegalArgumentException if the text is not a strict IPv4 address
     */
    public static Ipv4Address parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + text));
    }

    /** The address as an unsigned number, 0..2^32-1. */
    public long unsignedValue() {
        return Integer.toUnsignedLong(value);
    }

    /** Dotted-quad text. */
    @Override
    public String toString() {
        return (value >>> 24) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "." + (value & 0xFF);
    }

    private static int parseOctet(String octet) {
        if (octet.isEmpty() || octet.length() > 3 || (octet.length() > 1 && octet.charAt(0) == '0')) {
            return -1;
        }
        int result = 0;
        for (int i = 0; i < octet.length(); i++) {
            char c = octet.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result <= 255 ? result : -1;
    }
}
