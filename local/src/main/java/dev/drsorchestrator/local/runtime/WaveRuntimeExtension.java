package dev.drsorchestrator.local.runtime;

import dev.drsorchestrator.local.sim.Simulator;
import dev.drsorchestrator.local.stepfunctions.StepFunctionsEngine;
import java.util.List;
import java.util.Map;

/**
 * Puts the wave state machine into the local runtime: every function gets {@code STATE_MACHINE_ARN}, and once the
 * handlers run, the Step Functions runner is mounted on the AWS endpoint as {@code states} with the ASL file of
 * {@code cfn/}, invoking the runtime's own in-process functions. Registered by default through
 * {@code META-INF/services}, so {@code scripts/run-local.sh} can start executions end to end.
 */
public final class WaveRuntimeExtension implements LocalRuntimeExtension {
    private volatile StepFunctionsEngine engine;

    /** The extension as {@link java.util.ServiceLoader} instantiates it. */
    public WaveRuntimeExtension() {
        // Stateless until start: the runner needs the runtime's functions.
    }

    @Override
    public String name() {
        return "step-functions";
    }

    @Override
    public Map<String, String> environment(String functionName, Simulator simulator) {
        String accountId = simulator.fleet().hubAccountId().orElse("000000000000");
        return Map.of("STATE_MACHINE_ARN", WaveRuntime.stateMachineArn(LocalRuntime.REGION, accountId));
    }

    @Override
    public List<String> start(LocalRuntimeContext context) {
        HandlerInvoker invoker = new HandlerInvoker(context.functions());
        engine = WaveRuntime.mount(context.simulator(), invoker, context.region(), context.hubAccountId());
        return List.of(context.simulator().endpoint() + "   (states: " + WaveRuntime.STATE_MACHINE + " from "
                        + WaveRuntime.DEFINITION + ", Wait states on the simulator clock)",
                "state machine " + WaveRuntime.stateMachineArn(context.region(), context.hubAccountId()));
    }

    @Override
    public void close() {
        StepFunctionsEngine running = engine;
        if (running != null) {
            running.close();
        }
    }
}
