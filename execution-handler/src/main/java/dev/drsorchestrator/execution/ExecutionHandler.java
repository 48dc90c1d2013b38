package dev.drsorchestrator.execution;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.HandlerPipeline;
import dev.drsorchestrator.shared.snapstart.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The recovery-action Lambda: start, pause, resume, cancel, terminate, and the wave writes of the state machine.
 * Only wiring; dependencies are built once per execution environment, and a failure to build them is rethrown so
 * Lambda replaces the environment.
 */
public final class ExecutionHandler implements RequestStreamHandler {
    private final HandlerPipeline pipeline;

    /** The Lambda entry point, configured from the process environment. */
    public ExecutionHandler() {
        this(SnapStartPriming.primed(CoreServices.from(Env.fromSystem())));
    }

    /**
     * A handler over given core services, for embedding (the local runtime builds each handler from its own
     * environment) and tests; Lambda uses the no-arg constructor.
     */
    public ExecutionHandler(CoreServices services) {
        this.pipeline = new HandlerPipeline(ExecutionOperations.table(services), services);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context);
    }
}
