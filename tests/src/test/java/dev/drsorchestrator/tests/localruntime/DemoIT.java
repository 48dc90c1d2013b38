package dev.drsorchestrator.tests.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.demo.Demo;
import dev.drsorchestrator.local.demo.DemoOutcome;
import dev.drsorchestrator.local.demo.DemoSettings;
import dev.drsorchestrator.local.demo.DrillReport;
import dev.drsorchestrator.local.demo.WaveResult;
import dev.drsorchestrator.local.lambda.HandlerRegistry;
import dev.drsorchestrator.local.runtime.LocalRuntime;
import dev.drsorchestrator.local.runtime.LocalRuntimeOptions;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.model.Claim;
import dev.drsorchestrator.shared.store.Stores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guided drill of {@code run-local.sh --demo} against a runtime on free ports, over HTTP only: its report, and
 * what the simulator and the claims table say afterwards.
 */
class DemoIT {
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntimeOptions.forTests().withTimeFactor(
                LocalRuntimeOptions.DEMO_TIME_FACTOR));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void run_shouldCompleteTheDrillHonourThePauseAndCleanUp_whenRunAgainstTheDemoScenario() {
        // GIVEN the runtime with the bundled demo scenario and the demo's default settings
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        // WHEN the demo runs (not on a terminal: one progress line per change)
        DemoOutcome outcome = Demo.run(runtime.apiUri(), runtime.awsEndpoint(), DemoSettings.defaults(),
                new PrintStream(console, true, StandardCharsets.UTF_8), false);

        // THEN it exits 0 with a report of 3 waves (db, app, web) in which every server launched
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitStatus()).as(text).isZero();
        assertThat(outcome.failure()).isEmpty();
        DrillReport report = outcome.report().orElseThrow();
        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.waves()).extracting(WaveResult::name).containsExactly("db", "app", "web");
        assertThat(report.waves()).allSatisfy(wave -> {
            assertThat(wave.servers()).isPositive();
            assertThat(wave.launched()).isEqualTo(wave.servers());
            assertThat(wave.failed()).isZero();
            assertThat(wave.status()).isEqualTo("COMPLETED");
        });
        // AND the RTO is measured, positive and excludes the pause
        assertThat(report.rto()).isPositive();
        assertThat(report.pausedFor()).isPositive();
        assertThat(report.rto()).isEqualTo(report.executionSpan().minus(report.pausedFor()));
        // AND the pause held: wave 3 started only after the resume was sent
        assertThat(report.pausedBeforeWave()).isEqualTo(3);
        assertThat(report.pauseHonoured()).isTrue();
        assertThat(report.waves().get(2).started()).isAfterOrEqualTo(report.resumeRequestedAt());
        assertThat(text).contains("PAUSED before wave 3").contains("Drill report").contains("RTO ");
        // AND every drill instance was terminated: the API said so, and the simulator holds none
        assertThat(report.instancesTerminated()).isEqualTo(report.launched());
        assertThat(report.instancesLeft()).isZero();
        assertThat(runtime.context().simulator().fleet().recoveryInstances(DemoSettings.DEMO_ACCOUNT,
                DemoSettings.DEMO_REGION)).isEmpty();
        // AND the execution released every server claim
        assertThat(claimsHeld(report)).isEmpty();
    }

    @Test
    void run_shouldExitNonZeroWithTheApisMessage_whenTheApiRefusesThePlan() {
        // GIVEN a planner token of a group that may create protection groups but not recovery plans (Operator)
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DemoSettings settings = DemoSettings.defaults().withPlannerGroup("Operator");

        // WHEN the demo runs
        DemoOutcome outcome = Demo.run(runtime.apiUri(), runtime.awsEndpoint(), settings,
                new PrintStream(console, true, StandardCharsets.UTF_8), false);

        // THEN it stops at the plan with exit status 1 and the API's own refusal, and starts no drill
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(outcome.exitStatus()).as(text).isEqualTo(1);
        assertThat(outcome.report()).isEmpty();
        assertThat(outcome.failure()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("POST /recovery-plans was refused: 403")
                .contains("Permission 'recovery_plans:write' is required"));
        assertThat(text).contains("demo FAILED: POST /recovery-plans was refused: 403").doesNotContain("DRILL of");
    }

    /** The execution's servers that still hold an {@code exec-server#} claim. */
    private static List<String> claimsHeld(DrillReport report) {
        String token = "Bearer " + runtime.issuer().mint("admin@example.com", List.of("Admin"),
                Duration.ofMinutes(5));
        JsonNode execution = RuntimeHttp.json(RuntimeHttp.get(URI.create(runtime.apiUri() + "/executions/"
                + report.executionId()), Map.of("Authorization", token)));
        List<String> servers = new ArrayList<>();
        execution.path("serverIds").forEach(id -> servers.add(id.asText()));
        assertThat(servers).hasSize(report.servers());
        CoreServices core = CoreServices.from(runtime.context().environments().get(HandlerRegistry.EXECUTION_HANDLER));
        try {
            Stores stores = Stores.from(core);
            return servers.stream().filter(id -> stores.claims().get(Claim.EXECUTION_SERVER_PREFIX + id).isPresent())
                    .toList();
        } finally {
            core.clients().close();
        }
    }
}
