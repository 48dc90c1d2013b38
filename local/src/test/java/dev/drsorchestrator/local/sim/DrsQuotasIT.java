package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.local.sim.model.Quotas;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.drs.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.drs.model.StartRecoveryRequestSourceServer;

class DrsQuotasIT {
    private static final String HUB = "111111111111";
    private static final String STAGING = "333333333333";
    private static final GeneratorOptions LARGE = new GeneratorOptions("quotas", 7, 3, 1, 520,
            GeneratorOptions.Placement.UNIFORM, null, null);

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(() -> ScenarioGenerator.generate(LARGE));
    private DrsClient drs;
    private List<String> servers;

    @BeforeEach
    void reload() {
        drs = SimClients.withKey(SIM.get(), HUB).drs(Region.US_EAST_1);
        servers = SIM.get().fleet().sourceServers(HUB, "us-east-1").stream().map(SourceServer::id).toList();
    }

    private void start(List<String> ids) {
        drs.startRecovery(b -> b.isDrill(true).sourceServers(ids.stream()
                .map(id -> StartRecoveryRequestSourceServer.builder().sourceServerID(id).build()).toList()));
    }

    @Test
    void startRecovery_shouldRaiseServiceQuotaExceeded_whenAJobHasMoreThan100Servers() {
        assertThatThrownBy(() -> start(servers.subList(0, Quotas.MAX_SERVERS_PER_JOB + 1)))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(402);
                    assertThat(e.quotaCode()).isEqualTo("MaxServersPerJob");
                });
    }

    @Test
    void startRecovery_shouldRaiseServiceQuotaExceeded_whenTwentyJobsAreActive() {
        // GIVEN 20 active jobs of one server each
        for (int i = 0; i < Quotas.MAX_CONCURRENT_JOBS; i++) {
            start(servers.subList(i, i + 1));
        }

        // WHEN a 21st starts THEN the concurrent-jobs quota applies
        assertThatThrownBy(() -> start(servers.subList(30, 31)))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                        e -> assertThat(e.quotaCode()).isEqualTo("MaxConcurrentJobs"));
    }

    @Test
    void startRecovery_shouldRaiseServiceQuotaExceeded_whenActiveJobsWouldHoldMoreThan500Servers() {
        // GIVEN five active jobs of 100 servers
        for (int i = 0; i < 5; i++) {
            start(servers.subList(i * 100, (i + 1) * 100));
        }

        // WHEN one more server is started THEN the servers-in-all-jobs quota applies
        assertThatThrownBy(() -> start(servers.subList(500, 501)))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                        e -> assertThat(e.quotaCode()).isEqualTo("MaxServersInAllJobs"));
    }

    @Test
    void createExtendedSourceServer_shouldRaiseServiceQuotaExceeded_whenTheAccountReplicates300Servers() {
        // GIVEN the hub already replicates more than 300 servers, and a staging server
        String arn = SIM.get().fleet().sourceServers(STAGING, "us-east-1").get(0).arn();

        // WHEN the hub extends it THEN the replicating-servers quota applies
        assertThatThrownBy(() -> drs.createExtendedSourceServer(b -> b.sourceServerArn(arn)))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class,
                        e -> assertThat(e.quotaCode()).isEqualTo("MaxReplicatingServers"));
    }
}
