package dev.drsorchestrator.local.runtime;

import dev.drsorchestrator.local.sim.Simulator;
import java.util.List;
import java.util.Map;

/**
 * A part of the local runtime that another module contributes, such as the Step Functions runner on the ASL file
 * (mounted on the edge under {@code states}, invoking the in-process handlers). Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.drsorchestrator.local.runtime.LocalRuntimeExtension})
 * or passed to {@link LocalRuntime#start(LocalRuntimeOptions, List)}; the banner lists what each one reports.
 */
public interface LocalRuntimeExtension extends AutoCloseable {

    /** A short name for the banner and logs, e.g. {@code step-functions}. */
    String name();

    /**
     * Environment variables to add to a function's environment before the handlers are built (e.g. the state
     * machine ARN for {@code execution-handler}); called once per function.
     */
    default Map<String, String> environment(String functionName, Simulator simulator) {
        return Map.of();
    }

    /**
     * Starts the extension once DynamoDB, the simulator and the handlers are up, mounting whatever it serves on
     * {@code context.simulator().edge()}.
     *
     * @return banner lines describing what it serves
     */
    List<String> start(LocalRuntimeContext context);

    /** Stops what {@link #start} started; called in reverse order at shutdown. */
    @Override
    default void close() {
    }
}
