package dev.drsorchestrator.local.sim.ec2;

import dev.drsorchestrator.local.sim.http.AwsException;
import java.util.Map;

/** One EC2 call: who, where, and its decoded query parameters. */
record Ec2Call(String accountId, String region, Map<String, String> params) {

    /** {@code MaxResults} between min and max, or null when absent; EC2's InvalidParameterValue otherwise. */
    Integer maxResults(int min, int max) {
        String raw = params.get("MaxResults");
        if (raw == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new AwsException("InvalidParameterValue", 400, "Value ( " + raw + " ) for parameter maxResults is"
                + " invalid. Expecting a value between " + min + " and " + max + ".");
    }

    String required(String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new AwsException("MissingParameter", 400, "The request must contain the parameter " + name);
        }
        return value;
    }
}
