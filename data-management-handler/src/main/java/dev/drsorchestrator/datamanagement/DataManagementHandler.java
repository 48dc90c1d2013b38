package dev.drsorchestrator.datamanagement;

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
 * The CRUD and sync Lambda: protection groups, recovery plans, accounts, launch configs, tag and inventory sync. Only wiring; dependencies are built once per execution environment, and a failure to build them is rethrown so
 * Lambda replaces the environment.
 */
public final class DataManagementHandler implements RequestStreamHandler {
    private final HandlerPipeline pipeline;

    /** The Lambda entry point, configured from the process environment. */
    public DataManagementHandler() {
        this(SnapStartPriming.primed(CoreServices.from(Env.fromSystem())));
    }

    /**
     * A handler over given core services, for embedding (the local runtime builds each handler from its own
     * environment) and tests; Lambda uses the no-arg constructor.
     */
    public DataManagementHandler(CoreServices services) {
        this.pipeline = new HandlerPipeline(DataManagementOperations.table(services), services);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        pipeline.handle(input, output, context);
    }
}
