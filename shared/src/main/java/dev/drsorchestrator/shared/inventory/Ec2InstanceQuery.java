package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.Ec2Gateway;
import dev.drsorchestrator.shared.gateway.Ec2InstanceInfo;
import dev.drsorchestrator.shared.gateway.Gateways;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed unit 8, {@code query_ec2_instances}: the instances of these ids in one account and region, at most 100 ids per
 * DescribeInstances call. A failed batch is logged and left out (its servers keep their DRS data); never throws.
 */
public final class Ec2InstanceQuery {
    private static final Logger LOG = LoggerFactory.getLogger(Ec2InstanceQuery.class);

    private final Gateways gateways;

    /** Queries through the gateways. */
    public Ec2InstanceQuery(Gateways gateways) {
        this.gateways = gateways;
    }

    /** Instance id to instance; keys are a subset of {@code instanceIds}; empty for empty input. */
    public Map<String, Ec2InstanceInfo> query(List<String> instanceIds, String region, AccountContext context) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(instanceIds));
        Map<String, Ec2InstanceInfo> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Ec2Gateway ec2 = gateways.ec2(context, region);
        for (int start = 0; start < ids.size(); start += Ec2Gateway.MAX_IDS_PER_CALL) {
            List<String> batch = ids.subList(start, Math.min(ids.size(), start + Ec2Gateway.MAX_IDS_PER_CALL));
            try {
                for (Ec2InstanceInfo info : ec2.describeInstances(batch, Map.of())) {
                    found.put(info.instanceId(), info);
                }
            } catch (RuntimeException e) {
                LOG.warn("EC2 query failed for {} instances of {} in {}: {}", batch.size(), context.label(), region,
                        e.getMessage());
            }
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(ids);
        found.keySet().retainAll(wanted);
        return found;
    }
}
