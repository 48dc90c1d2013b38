package dev.drsorchestrator.local.sim.scenario;

import dev.drsorchestrator.local.sim.model.MachineSpec;
import dev.drsorchestrator.local.sim.model.ReplicationState;
import java.util.Map;

/** One source server in a scenario file; its source EC2 instance is created in the machine's origin account/region. */
public record ServerSpec(String sourceServerId, ReplicationState replicationState, Map<String, String> tags,
                         MachineSpec machine) {
    public ServerSpec {
        if (machine == null) {
            throw new IllegalArgumentException("server " + sourceServerId + " needs a machine");
        }
        replicationState = replicationState == null ? ReplicationState.CONTINUOUS : replicationState;
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }
}
