package dev.drsorchestrator.local.sim.http;

import java.util.Map;

/**
 * Reads the credential scope of a SigV4 request ({@code Credential=AKID/20240101/us-east-1/drs/aws4_request}) from
 * the Authorization header or a presigned query. Signatures are not verified: the simulator trusts loopback callers.
 */
record SigV4(String accessKeyId, String region, String service) {

    static SigV4 from(String authorization, Map<String, String> queryParams) {
        String credential = null;
        if (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256")) {
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                int end = authorization.indexOf(',', at);
                credential = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end)
                        .trim();
            }
        } else if (queryParams.containsKey("X-Amz-Credential")) {
            credential = queryParams.get("X-Amz-Credential");
        }
        if (credential == null) {
            return null;
        }
        String[] parts = credential.split("/");
        if (parts.length != 5 || parts[0].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
            return null;
        }
        return new SigV4(parts[0], parts[2], parts[3]);
    }
}
