package dev.drsorchestrator.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The drill, step by step, as two users would run it: an operator syncs the staging accounts and the inventory
 * (direct Lambda invocations, as the schedules would), a planner previews and creates one tag-based protection group
 * per tier and a plan of one wave per tier that pauses before the last, and an operator starts the drill, watches it,
 * resumes at the pause, and terminates the drill instances once it has completed. Everything goes over HTTP; every
 * wait has a deadline.
 */
final class DrillFlow {
    private final ApiClient api;
    private final LambdaInvokeClient lambda;
    private final DemoSettings settings;
    private final PrintStream out;
    private final ProgressDisplay progress;
    private final Clock clock;

    DrillFlow(ApiClient api, LambdaInvokeClient lambda, DemoSettings settings, PrintStream out, boolean tty,
            Clock clock) {
        this.api = api;
        this.lambda = lambda;
        this.settings = settings;
        this.out = out;
        this.progress = new ProgressDisplay(out, tty);
        this.clock = clock;
    }

    DrillReport run() {
        step("tokens: " + settings.plannerGroup() + " plans the drill, " + settings.operatorGroup() + " runs it"
                + " (local user pool, GET /_local/token)");
        String planner = api.token(settings.plannerGroup(), settings.email(settings.plannerGroup()));
        String operator = api.token(settings.operatorGroup(), settings.email(settings.operatorGroup()));

        syncInventory();
        List<String> groupIds = createGroups(planner);
        String planId = createPlan(planner, groupIds);
        int pauseWave = groupIds.size() - 1;

        step("start a DRILL of the plan (" + settings.operatorGroup() + ", POST /executions)");
        JsonNode started = api.post("/executions", operator, Map.of("planId", planId, "executionType", "DRILL"));
        String executionId = started.path("executionId").asText();
        out.println("  " + started.path("message").asText("started") + "; execution " + executionId);
        Instant startedAt = clock.instant();

        // PAUSED with pausedBeforeWave set: the state machine holds its task token, so the pause is in effect.
        ExecutionView paused = watch(operator, executionId, startedAt,
                v -> "PAUSED".equals(v.status()) && v.pausedBeforeWave() != null || v.terminal(),
                "to pause before wave " + (pauseWave + 1));
        if (!"PAUSED".equals(paused.status())) {
            throw new DemoException("execution " + executionId + " ended " + paused.status()
                    + " without pausing before wave " + (pauseWave + 1) + reason(paused));
        }
        if (paused.pausedBeforeWave() == null || paused.pausedBeforeWave() != pauseWave
                || !"PENDING".equals(paused.waves().get(pauseWave).status())) {
            throw new DemoException("execution " + executionId + " paused before wave " + paused.pausedBeforeWave()
                    + " with wave " + (pauseWave + 1) + " " + paused.waves().get(pauseWave).status()
                    + "; the plan asks for a pause before wave " + (pauseWave + 1));
        }
        step("paused before wave " + (pauseWave + 1) + " as planned; the operator checks the instances so far "
                + "(GET /executions/" + executionId + "/recovery-instances)");
        out.println("  " + instanceSummary(api.get("/executions/" + executionId + "/recovery-instances", operator)));
        step("the operator approves (POST /executions/" + executionId + "/resume)");
        Instant resumeRequestedAt = clock.instant();
        JsonNode resumed = api.post("/executions/" + executionId + "/resume", operator, Map.of());
        out.println("  " + resumed.path("message").asText("resumed"));

        ExecutionView done = watch(operator, executionId, startedAt, ExecutionView::terminal, "to finish");
        DrillReport report = DrillReport.measure(settings.planName(), done, pauseWave, resumeRequestedAt);
        if (report.launched() > 0) {
            report = terminate(operator, executionId, report);
        }
        if (!"COMPLETED".equals(done.status())) {
            ReportFormatter.lines(report).forEach(out::println);
            throw new DemoException("the drill ended " + done.status() + reason(done));
        }
        return report;
    }

    private void syncInventory() {
        step("staging and inventory sync, as an operator triggers them: Lambda Invoke data-management-handler"
                + " handle_sync_staging_accounts, then handle_sync_source_server_inventory");
        JsonNode staging = lambda.invoke("data-management-handler",
                "{\"operation\":\"handle_sync_staging_accounts\"}");
        out.println("  staging sync: " + compact(staging));
        JsonNode sync = lambda.invoke("data-management-handler",
                "{\"operation\":\"handle_sync_source_server_inventory\"}");
        int servers = sync.path("serverCount").asInt(0);
        out.println("  inventory sync: " + servers + " source servers (" + sync.path("successCount").asInt(0)
                + " written, " + sync.path("failureCount").asInt(0) + " failed)");
        if (servers == 0) {
            throw new DemoException("the inventory sync found no source servers: " + sync);
        }
    }

    private static String compact(JsonNode result) {
        String text = result.toString();
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }

    private List<String> createGroups(String planner) {
        List<String> ids = new ArrayList<>();
        for (String tier : settings.tiers()) {
            Map<String, String> selector = settings.selector(tier);
            JsonNode preview = api.post("/protection-groups/resolve", planner, Map.of("region", settings.region(),
                    "accountId", settings.accountId(), "tags", selector));
            int count = preview.path("serverCount").asInt(0);
            if (count == 0) {
                throw new DemoException("no source server of account " + settings.accountId() + " in "
                        + settings.region() + " carries the tags " + selector + "; the demo needs the bundled demo"
                        + " scenario (run it without --scenario)");
            }
            List<String> names = new ArrayList<>();
            preview.path("resolvedServers").forEach(s -> names.add(s.path("hostname").asText()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("groupName", settings.groupName(tier));
            body.put("description", "Demo drill: the " + tier + " tier, selected by tags");
            body.put("region", settings.region());
            body.put("accountId", settings.accountId());
            body.put("serverSelectionTags", selector);
            JsonNode group = api.post("/protection-groups", planner, body);
            ids.add(group.path("groupId").asText());
            step("protection group " + settings.groupName(tier) + " selects " + selector + ": " + count
                    + " server(s) " + names);
        }
        return ids;
    }

    private String createPlan(String planner, List<String> groupIds) {
        List<Map<String, Object>> waves = new ArrayList<>();
        for (int i = 0; i < groupIds.size(); i++) {
            Map<String, Object> wave = new LinkedHashMap<>();
            wave.put("waveName", settings.tiers().get(i));
            wave.put("protectionGroupIds", List.of(groupIds.get(i)));
            wave.put("dependsOnWaves", i == 0 ? List.of() : List.of(i - 1));
            wave.put("pauseBeforeWave", i == groupIds.size() - 1);
            waves.add(wave);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("planName", settings.planName());
        body.put("description", "Demo drill: " + String.join(" -> ", settings.tiers()) + ", approval before the last"
                + " wave");
        body.put("accountId", settings.accountId());
        body.put("waves", waves);
        JsonNode plan = api.post("/recovery-plans", planner, body);
        step("recovery plan " + settings.planName() + ": waves " + String.join(" -> ", settings.tiers())
                + ", pause before wave " + groupIds.size());
        return plan.path("planId").asText();
    }

    private ExecutionView watch(String token, String executionId, Instant startedAt, Predicate<ExecutionView> until,
            String goal) {
        Deadline deadline = Deadline.after(clock, settings.stepDeadline());
        ExecutionView view = null;
        try {
            while (true) {
                view = ExecutionView.from(api.get("/executions/" + executionId, token));
                progress.show(view, Duration.between(startedAt, clock.instant()));
                if (until.test(view)) {
                    return view;
                }
                if (deadline.passed()) {
                    throw new DemoException("gave up after " + settings.stepDeadline().toSeconds()
                            + "s waiting for execution " + executionId + " " + goal + "; it is " + view.status());
                }
                pause(settings.pollInterval());
            }
        } finally {
            progress.release();
        }
    }

    private DrillReport terminate(String operator, String executionId, DrillReport report) {
        step("terminate the drill instances (POST /executions/" + executionId + "/terminate-instances)");
        JsonNode terminated = api.post("/executions/" + executionId + "/terminate-instances", operator, Map.of());
        int count = terminated.path("totalTerminated").asInt(0);
        out.println("  " + terminated.path("message").asText(count + " instance(s) terminating") + "; DRS job(s) "
                + terminated.path("jobIds"));
        Deadline deadline = Deadline.after(clock, settings.stepDeadline());
        int left;
        while (true) {
            left = api.get("/executions/" + executionId + "/recovery-instances", operator).path("totalInstances")
                    .asInt(0);
            if (left == 0) {
                break;
            }
            if (deadline.passed()) {
                throw new DemoException("gave up after " + settings.stepDeadline().toSeconds() + "s waiting for "
                        + left + " drill instance(s) of execution " + executionId + " to be terminated");
            }
            pause(settings.pollInterval());
        }
        out.println("  every drill instance is gone (GET /executions/" + executionId + "/recovery-instances: 0)");
        return report.withCleanup(count, left);
    }

    /** {@code 5 drill instance(s) in DRS: 5 running}, from a recovery-instances answer. */
    static String instanceSummary(JsonNode answer) {
        Map<String, Integer> states = new java.util.TreeMap<>();
        answer.path("instances").forEach(i -> states.merge(i.path("ec2InstanceState").asText("unknown")
                .toLowerCase(java.util.Locale.ROOT), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        states.forEach((state, count) -> parts.add(count + " " + state));
        return answer.path("totalInstances").asInt(0) + " drill instance(s) in DRS"
                + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    private void step(String text) {
        out.println("==> " + text);
        out.flush();
    }

    private static String reason(ExecutionView view) {
        return view.errorMessage() == null ? "" : ": " + view.errorMessage();
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("the demo was interrupted", e);
        }
    }
}
