package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.local.sim.model.ReplicationState;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.drs.model.ThrottlingException;

class ControlEndpointIT {
    private static final String TARGET = "222222222222";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(Scenarios::demo);

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(SIM.get().endpoint() + "/_control" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_shouldDescribeTheScenario_whenAsked() throws Exception {
        HttpResponse<String> response = send("GET", "/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("scenario demo: 3 accounts, 4 regions, 60 servers");
    }

    @Test
    void clockAdvance_shouldMoveSimulatedTime_whenPosted() throws Exception {
        Instant before = SIM.get().clock().now();

        HttpResponse<String> response = send("POST", "/clock/advance", "{\"seconds\": 600}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.between(before, SIM.get().clock().now())).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void faults_shouldBeInjectedAndCleared_whenPostedAsJson() throws Exception {
        // GIVEN a throttling fault posted over HTTP
        HttpResponse<String> injected = send("POST", "/faults", "{\"service\":\"drs\",\"operation\":"
                + "\"DescribeJobs\",\"errorCode\":\"ThrottlingException\",\"retryAfterSeconds\":3}");
        var drs = SimClients.withKey(SIM.get(), TARGET).drs(Region.US_EAST_1);

        // THEN the SDK sees it
        assertThat(injected.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> drs.describeJobs(b -> b.maxResults(5)))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.retryAfterSeconds())
                        .isEqualTo("3"));

        // WHEN faults are cleared THEN the call succeeds and the counters saw both calls
        assertThat(send("DELETE", "/faults", null).statusCode()).isEqualTo(200);
        assertThat(drs.describeJobs(b -> b.maxResults(5)).items()).isEmpty();
        assertThat(send("GET", "/counters", null).body()).contains("\"drs:DescribeJobs\":2");
    }

    @Test
    void faults_shouldAnswer400NamingTheProblem_whenTheRuleIsInvalid() throws Exception {
        HttpResponse<String> response = send("POST", "/faults", "{\"failureRate\": 3}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("failureRate");
    }

    @Test
    void servers_shouldChangeReplicationState_whenPosted() throws Exception {
        SourceServer server = SIM.get().fleet().sourceServers(TARGET, "us-east-1").get(0);

        HttpResponse<String> response = send("POST", "/servers/" + server.id() + "/replication",
                "{\"state\":\"STALLED\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SIM.get().fleet().sourceServer(TARGET, "us-east-1", server.id()).orElseThrow().replication())
                .isEqualTo(ReplicationState.STALLED);
        assertThat(send("POST", "/servers/" + server.id() + "/replication", "{\"state\":\"BROKEN\"}").statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/servers/s-00000000000000000/replication", "{\"state\":\"STALLED\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void scenario_shouldReplaceTheFleet_whenAGeneratedScenarioIsPosted() throws Exception {
        String json = Scenarios.toJson(ScenarioGenerator.generate(GeneratorOptions.of(5, 2, 2, 10)));

        HttpResponse<String> response = send("POST", "/scenario", json);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("2 accounts, 2 regions, 20 servers");
        assertThat(SIM.get().fleet().allSourceServers()).hasSize(20);
        assertThat(send("POST", "/scenario", "{\"accounts\":[{\"accountId\":\"12\"}]}").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownRoute_shouldAnswer404_whenThePathIsNotAControlRoute() throws Exception {
        assertThat(send("GET", "/nothing", null).statusCode()).isEqualTo(404);
    }
}
