package dev.drsorchestrator.tests.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.local.runtime.LocalRuntime;
import dev.drsorchestrator.local.runtime.LocalRuntimeContext;
import dev.drsorchestrator.local.runtime.LocalRuntimeExtension;
import dev.drsorchestrator.local.runtime.LocalRuntimeOptions;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Start-up and shutdown of the whole runtime: seeded accounts, rules from templates, the banner, freed ports. */
class LocalRuntimeLifecycleIT {

    @Test
    void close_shouldFreeEveryPort_andBeIdempotent() {
        // GIVEN a running runtime
        LocalRuntime runtime = LocalRuntime.start(LocalRuntimeOptions.forTests(), List.of());
        List<Integer> ports = List.of(runtime.apiUri().getPort(), runtime.awsEndpoint().getPort(),
                runtime.dynamoDbEndpoint().getPort());
        assertThat(ports).allSatisfy(port -> assertThat(listening(port)).as("port %d listening", port).isTrue());

        // WHEN it is closed (what the Ctrl-C shutdown hook does), twice
        runtime.close();
        runtime.close();

        // THEN nothing listens on any of its ports (a new server could bind them)
        assertThat(ports).allSatisfy(port -> assertThat(listening(port)).as("port %d still listening", port).isFalse());

        // AND a new runtime can take exactly the same ports, as a second run-local.sh would
        try (LocalRuntime again = LocalRuntime.start(new LocalRuntimeOptions(ports.get(0), ports.get(1), ports.get(2),
                null, 0, "localhost", Path.of("cfn")), List.of())) {
            assertThat(RuntimeHttp.get(java.net.URI.create(again.apiUri() + "/health"), java.util.Map.of())
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void start_shouldSeedTargetAccountsLoadCfnRulesAndPrintBanner(@org.junit.jupiter.api.io.TempDir Path cfn)
            throws IOException, InterruptedException {
        // GIVEN a template directory with a scheduled rule targeting query-handler
        Files.writeString(cfn.resolve("eventbridge-rules.yaml"), String.join("\n",
                "Parameters:",
                "  Environment: {Type: String, Default: dev}",
                "  ProjectName: {Type: String, Default: drs}",
                "Resources:",
                "  HealthRule:",
                "    Type: AWS::Events::Rule",
                "    Properties:",
                "      Name: !Sub '${ProjectName}-health-${Environment}'",
                "      ScheduleExpression: rate(1 hour)",
                "      State: ENABLED",
                "      Targets:",
                "        - Id: QueryHandlerTarget",
                "          Arn: !GetAtt QueryHandlerFunction.Arn",
                "          Input: '{\"operation\":\"health\"}'",
                ""));

        // WHEN the runtime starts with it
        try (LocalRuntime runtime = LocalRuntime.start(LocalRuntimeOptions.forTests().withCfnDir(cfn), List.of())) {
            // THEN the demo scenario's target account is registered with its staging account
            try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(runtime.dynamoDbEndpoint())
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                    .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                    .build()) {
                TargetAccountStore store = new TargetAccountStore(() -> client,
                        runtime.context().tables().get("TARGET_ACCOUNTS_TABLE"));
                TargetAccount target = store.require("222222222222");
                assertThat(target.roleArn()).isEqualTo("arn:aws:iam::222222222222:role/DRSOrchestrationRole");
                assertThat(target.externalId()).isEqualTo("drs-orchestrator-222222222222");
                assertThat(target.stagingAccounts()).extracting(s -> s.accountId()).containsExactly("333333333333");
            }

            // AND the template's rule is scheduled under its resolved name and listed in the banner
            String ruleName = "drs-orchestrator-health-local";
            assertThat(runtime.context().eventRules().all()).extracting(r -> r.name()).contains(ruleName);
            assertThat(String.join("\n", runtime.banner())).contains(runtime.apiUri().toString(),
                    runtime.awsEndpoint().toString(), runtime.dynamoDbEndpoint().toString(), ruleName,
                    "scripts/local-token.sh");

            // AND it fires when simulated time passes its rate
            runtime.context().simulator().clock().advance(Duration.ofMinutes(61));
            runtime.scheduler().fireDue();
            assertThat(runtime.scheduler().invocations()).isPositive();
        }
    }

    @Test
    void start_shouldFailFastNamingThePort_whenApiPortIsTaken() throws IOException {
        // GIVEN the API port is already bound by someone else
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            LocalRuntimeOptions options = new LocalRuntimeOptions(taken.getLocalPort(), 0, 0, null, 0, "localhost",
                    Path.of("cfn"));

            // WHEN the runtime starts
            // THEN it refuses before starting anything, naming the option and the port
            assertThatThrownBy(() -> LocalRuntime.start(options, List.of()))
                    .hasMessageContaining("--api-port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void start_shouldStopWhatItStarted_whenAnExtensionFailsToStart() throws IOException {
        // GIVEN an extension that fails once DynamoDB Local, the simulator and the handlers are up
        LocalRuntimeExtension failing = new LocalRuntimeExtension() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public List<String> start(LocalRuntimeContext context) {
                throw new IllegalStateException("extension could not mount");
            }
        };
        int awsPort = freePort();
        int dynamoPort = freePort();
        LocalRuntimeOptions options = new LocalRuntimeOptions(0, awsPort, dynamoPort, null, 0, "localhost",
                Path.of("cfn"));

        // WHEN the runtime starts
        assertThatThrownBy(() -> LocalRuntime.start(options, List.of(failing)))
                .hasMessageContaining("extension could not mount");

        // THEN the servers it had started are stopped again
        assertThat(listening(awsPort)).as("simulator port").isFalse();
        assertThat(listening(dynamoPort)).as("DynamoDB Local port").isFalse();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
