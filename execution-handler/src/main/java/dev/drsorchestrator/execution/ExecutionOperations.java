package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.HealthCheck;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationTable;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.security.Permission;

/**
 * The operation table of execution-handler: wire names, permissions and routes of its operations. The state
 * machine's tasks ({@code begin}, {@code store_task_token}, {@code start_wave_recovery}, {@code resume_wave},
 * {@code update_wave_completion_status}, {@code finalize}) and the scheduled reconciler ({@code find}, {@code poll})
 * are direct-only, as is the operator's backfill {@code rebuild_execution_counts}; IAM on the function is their gate
 * and {@code executions:write} is what an operator invoking them by hand needs.
 */
final class ExecutionOperations {
    private ExecutionOperations() {
    }

    static OperationTable table(CoreServices services) {
        return table(services, ExecutionServices.from(services));
    }

    static OperationTable table(CoreServices core, ExecutionServices services) {
        StartExecution start = new StartExecution(services);
        ExecutionActions actions = new ExecutionActions(services);
        WaveTasks tasks = new WaveTasks(services);
        WaveStarter starter = new WaveStarter(services);
        WaveUpdater updater = new WaveUpdater(services);
        Finalizer finalizer = new Finalizer(services);
        InstanceTermination termination = new InstanceTermination(services);
        DeleteExecutions deletion = new DeleteExecutions(services);
        Reconciler reconciler = new Reconciler(services);
        RebuildExecutionCounts counts = new RebuildExecutionCounts(services);
        return OperationTable.of(
                HealthCheck.operation("execution-handler", core.clock()),
                Operation.of("start_execution", Permission.RECOVERY_PLANS_EXECUTE, start::start,
                        Route.post("/executions")),
                Operation.of("execute_recovery_plan", Permission.RECOVERY_PLANS_EXECUTE, start::execute,
                        Route.post("/recovery-plans/{id}/execute")),
                Operation.of("delete_executions", Permission.EXECUTIONS_WRITE, deletion::delete,
                        Route.delete("/executions")),
                Operation.of("cancel_execution", Permission.EXECUTIONS_WRITE, actions::cancel,
                        Route.post("/executions/{id}/cancel")),
                Operation.of("pause_execution", Permission.EXECUTIONS_WRITE, actions::pause,
                        Route.post("/executions/{id}/pause")),
                Operation.of("resume_execution", Permission.EXECUTIONS_WRITE, actions::resume,
                        Route.post("/executions/{id}/resume")),
                Operation.of("terminate_instances", Permission.EXECUTIONS_WRITE, termination::terminate,
                        Route.post("/executions/{id}/terminate-instances")),
                Operation.system("begin", tasks::begin),
                Operation.system("store_task_token", tasks::storeTaskToken)
                        .withAliases("pause"),
                Operation.system("start_wave_recovery", starter::start),
                Operation.system("update_wave_completion_status", updater::update),
                Operation.system("resume_wave", starter::resumeWave),
                Operation.system("find", reconciler::find),
                Operation.system("poll", reconciler::poll),
                Operation.system("finalize", finalizer::finalizeTask),
                Operation.system("rebuild_execution_counts", counts::rebuild));
    }
}
