package dev.drsorchestrator.local.sim.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a list and the opaque token for the next one. Tokens encode the offset; a token that does not decode
 * is reported by the caller in its service's validation error.
 *
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextToken) {

    /** Cuts the page starting at {@code token} (null for the first page) with at most {@code size} items. */
    public static <T> Page<T> of(List<T> all, String token, int size) {
        int offset = token == null ? 0 : decode(token);
        if (offset < 0 || offset > all.size()) {
            throw new IllegalArgumentException("invalid nextToken");
        }
        int end = Math.min(all.size(), offset + size);
        String next = end < all.size() ? encode(end) : null;
        return new Page<>(all.subList(offset, end), next);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("sim-page:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("sim-page:")) {
                return -1;
            }
            return Integer.parseInt(text.substring("sim-page:".length()));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
