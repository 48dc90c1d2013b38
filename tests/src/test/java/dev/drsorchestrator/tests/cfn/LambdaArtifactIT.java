package dev.drsorchestrator.tests.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.dynamodb.LocalDynamoDb;
import dev.drsorchestrator.local.sim.Simulator;
import dev.drsorchestrator.local.sim.model.InstanceTypeInfo;
import dev.drsorchestrator.local.sim.model.Subnet;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.tests.support.TestStack;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deployable zips are shrunk by ProGuard (config/proguard-lambda.pro): this proves each one still works by running
 * its handler and every EC2 call of the gateway in a fresh JVM whose only application classes are the zip's (plus
 * {@link ArtifactProbe}), against DynamoDB Local and the simulator. Needs the handlers packaged first, which
 * {@code mvn -pl tests -am verify} does.
 */
class LambdaArtifactIT {
    private static final String HUB = "111111111111";
    private static final String REGION = TestStack.REGION;
    private static final Scenario FLEET = ScenarioGenerator.generate(GeneratorOptions.of(11, 1, 1, 130));
    private static TestStack stack;

    @TempDir
    static Path probeDir;

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        stack = TestStack.start(FLEET);
        Path classes = Path.of(ArtifactProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = Path.of("dev", "drsorchestrator", "tests", "cfn");
        Files.createDirectories(probeDir.resolve(pkg));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(classes.resolve(pkg), "ArtifactProbe*.class")) {
            for (Path file : files) {
                Files.copy(file, probeDir.resolve(pkg).resolve(file.getFileName().toString()));
            }
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @ParameterizedTest
    @CsvSource({
        "query-handler, dev.drsorchestrator.query.QueryHandler",
        "data-management-handler, dev.drsorchestrator.datamanagement.DataManagementHandler",
        "execution-handler, dev.drsorchestrator.execution.ExecutionHandler"})
    void shrunkArtifact_shouldAnswerAndMakeEveryEc2Call_whenRunAloneInAFreshJvm(String module, String handlerClass)
            throws Exception {
        // GIVEN the handler's deployable zip, shrunk below the unshrunk shaded jar's EC2 model
        Path zip = Path.of("..", module, "target", module + "-lambda.zip").toAbsolutePath().normalize();
        Path shaded = Path.of("..", module, "target", module + "-1.0.0-SNAPSHOT-lambda.jar").toAbsolutePath()
                .normalize();
        assertThat(zip).as("package %s first (mvn -pl tests -am verify does)", module).exists();
        assertThat(ec2Classes(zip)).isPositive().isLessThan(ec2Classes(shaded));
        stack.sim().loadScenario(FLEET);
        String serverId = stack.sim().fleet().sourceServers(HUB, REGION).get(0).id();
        String templateId = stack.gateways().drs(AccountContext.hub(), REGION).getLaunchConfiguration(serverId)
                .path("ec2LaunchTemplateID").asText();
        Subnet subnet = stack.sim().fleet().subnets(HUB, REGION).get(1);
        String group = stack.sim().fleet().securityGroups(HUB, REGION).get(0).groupId();

        // WHEN a fresh JVM runs the handler and every EC2 call from the zip's classes alone
        JsonNode result = runProbe(zip, handlerClass, templateId, subnet.subnetId(), group);

        // THEN every call answered as the simulator's fleet says
        int instances = stack.sim().fleet().instances(HUB, REGION).size();
        String firstType = result.path("firstInstanceType").asText();
        InstanceTypeInfo type = stack.sim().fleet().instanceTypes().stream()
                .filter(t -> t.instanceType().equals(firstType)).findFirst().orElseThrow();
        assertThat(result.path("health").path("status").asText()).isEqualTo("healthy");
        assertThat(result.path("allInstances").asInt()).isEqualTo(instances);
        assertThat(result.path("instancesById").asInt()).isEqualTo(instances);
        assertThat(result.path("instancesOfType").asInt()).isEqualTo((int) stack.sim().fleet()
                .instances(HUB, REGION).stream().filter(i -> i.instanceType().equals(firstType)).count());
        assertThat(result.path("subnets").asInt()).isEqualTo(stack.sim().fleet().subnets(HUB, REGION).size());
        assertThat(result.path("securityGroups").asInt())
                .isEqualTo(stack.sim().fleet().securityGroups(HUB, REGION).size());
        assertThat(result.path("instanceTypes").asInt()).isEqualTo(stack.sim().fleet().instanceTypes().size());
        assertThat(result.path("namedType").path("vCpus").asInt()).isEqualTo(type.vcpus());
        assertThat(result.path("createdVersion").asLong()).isEqualTo(2);
        JsonNode defaultVersion = result.path("defaultVersion");
        assertThat(defaultVersion.path("versionNumber").asLong()).isEqualTo(2);
        assertThat(defaultVersion.path("launchTemplateData").path("instanceType").asText()).isEqualTo("m5.xlarge");
        assertThat(defaultVersion.path("launchTemplateData").path("networkInterfaces").get(0).path("subnetId")
                .asText()).isEqualTo(subnet.subnetId());
        assertThat(result.path("taggedValue").asText()).isEqualTo("shrunk");
    }

    private static long ec2Classes(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().filter(e -> e.getName().startsWith("software/amazon/awssdk/services/ec2/")
                    && e.getName().endsWith(".class")).count();
        }
    }

    private static JsonNode runProbe(Path zip, String handlerClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", zip + File.pathSeparator + probeDir, ArtifactProbe.class.getName(), handlerClass, REGION));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        builder.environment().clear();
        builder.environment().putAll(environment());
        Path stderr = Files.createTempFile(probeDir, "probe", ".err");
        builder.redirectError(stderr.toFile());
        Process process = builder.start();
        String stdout;
        try (InputStream in = process.getInputStream()) {
            stdout = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean exited = process.waitFor(10, TimeUnit.MINUTES);
        String errors = Files.readString(stderr);
        assertThat(exited).as("probe still running; stderr:%n%s", errors).isTrue();
        assertThat(process.exitValue()).as("probe failed; stderr:%n%s", errors).isZero();
        String last = stdout.lines().reduce((a, b) -> b).orElse("");
        return Json.mapper().readTree(last);
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(stack.tables());
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", Simulator.HUB_ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL", stack.sim().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamoDb.shared().endpoint().toString());
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("LOG_FORMAT", "json");
        return env;
    }
}
