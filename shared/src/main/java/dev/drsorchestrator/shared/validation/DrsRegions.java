package dev.drsorchestrator.shared.validation;

import java.util.List;
import java.util.Set;

/**
 * The one list of regions where AWS Elastic Disaster Recovery is offered. Validation, inventory sync and the region
 * fan-out all read it from here, so adding a region is a one-line change.
 */
public final class DrsRegions {
    /** Every DRS region, in a stable order. */
    public static final List<String> ALL = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1",
            "ap-east-1", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
            "ap-southeast-4", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ca-central-1",
            "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1",
            "eu-south-2",
            "il-central-1", "me-central-1", "me-south-1",
            "sa-east-1",
            "us-gov-east-1", "us-gov-west-1");

    private static final Set<String> SET = Set.copyOf(ALL);

    private DrsRegions() {
    }

    /** True when DRS is offered in the region. */
    public static boolean contains(String region) {
        return region != null && SET.contains(region);
    }
}
