package dev.drsorchestrator.local.sim.model;

import java.util.SplittableRandom;

/** Generates AWS-shaped identifiers from a seeded random source, so a scenario replays with the same ids. */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private final SplittableRandom random;

    public Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code prefix} followed by {@code length} lowercase hex digits, e.g. {@code hex("s-", 17)}. */
    public synchronized String hex(String prefix, int length) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            out.append(HEX[random.nextInt(16)]);
        }
        return out.toString();
    }

    /** {@code prefix} followed by {@code length} upper-case base32 characters, like IAM and STS ids. */
    public synchronized String upper(String prefix, int length) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            out.append(UPPER[random.nextInt(UPPER.length)]);
        }
        return out.toString();
    }

    /** A uniformly distributed double in [0, 1). */
    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    /** A UUID-shaped request or message id. */
    public String uuid() {
        String h = hex("", 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }
}
