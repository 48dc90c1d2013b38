package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.drs.model.ConflictException;
import software.amazon.awssdk.services.drs.model.InitiatedBy;
import software.amazon.awssdk.services.drs.model.Job;
import software.amazon.awssdk.services.drs.model.JobLog;
import software.amazon.awssdk.services.drs.model.JobLogEvent;
import software.amazon.awssdk.services.drs.model.JobStatus;
import software.amazon.awssdk.services.drs.model.JobType;
import software.amazon.awssdk.services.drs.model.LaunchStatus;
import software.amazon.awssdk.services.drs.model.RecoveryInstance;
import software.amazon.awssdk.services.drs.model.StartRecoveryRequestSourceServer;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

class DrsJobLifecycleIT {
    private static final String TARGET = "222222222222";

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(Scenarios::demo);
    private DrsClient drs;
    private List<String> servers;

    @BeforeEach
    void reload() {
        drs = SimClients.withKey(SIM.get(), TARGET).drs(Region.AP_SOUTHEAST_2);
        servers = SIM.get().fleet().sourceServers(TARGET, "ap-southeast-2").stream().map(SourceServer::id).limit(3)
                .toList();
    }

    private Job startDrill(List<String> ids) {
        return drs.startRecovery(b -> b.isDrill(true).tags(Map.of("Wave", "1")).sourceServers(ids.stream()
                .map(id -> StartRecoveryRequestSourceServer.builder().sourceServerID(id).build()).toList())).job();
    }

    private Job describe(String jobId) {
        return drs.describeJobs(b -> b.filters(f -> f.jobIDs(jobId))).items().get(0);
    }

    @Test
    void startRecovery_shouldRunTheWholeDrillLifecycle_whenTheClockAdvances() {
        // GIVEN a drill of three servers on a frozen clock
        Job job = startDrill(servers);
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.type()).isEqualTo(JobType.LAUNCH);
        assertThat(job.initiatedBy()).isEqualTo(InitiatedBy.START_DRILL);
        assertThat(job.tags()).containsEntry("Wave", "1");

        // WHEN the clock passes the start delay
        SIM.get().clock().advance(Duration.ofSeconds(15));
        Job started = describe(job.jobID());

        // THEN the job runs and every server is in progress
        assertThat(started.status()).isEqualTo(JobStatus.STARTED);
        assertThat(started.participatingServers()).extracting(p -> p.launchStatus())
                .containsOnly(LaunchStatus.IN_PROGRESS);

        // WHEN the clock passes snapshot, conversion and launch
        SIM.get().clock().advance(Duration.ofMinutes(10));
        Job done = describe(job.jobID());

        // THEN the job completed, every server launched a recovery instance visible in DRS and EC2
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.endDateTime()).isNotBlank();
        assertThat(done.participatingServers()).extracting(p -> p.launchStatus()).containsOnly(LaunchStatus.LAUNCHED);
        List<RecoveryInstance> instances = drs.describeRecoveryInstances(b -> b.filters(f -> f.sourceServerIDs(servers)))
                .items();
        assertThat(instances).hasSize(3).allSatisfy(r -> {
            assertThat(r.isDrill()).isTrue();
            assertThat(r.jobID()).isEqualTo(job.jobID());
        });
        List<Instance> ec2 = SimClients.withKey(SIM.get(), TARGET).ec2(Region.AP_SOUTHEAST_2)
                .describeInstances(b -> b.instanceIds(instances.stream().map(RecoveryInstance::ec2InstanceID).toList()))
                .reservations().stream().flatMap(r -> r.instances().stream()).toList();
        assertThat(ec2).hasSize(3).allSatisfy(i -> assertThat(i.state().name()).isEqualTo(InstanceStateName.RUNNING));
        var server = drs.describeSourceServers(b -> b.filters(f -> f.sourceServerIDs(servers.get(0)))).items().get(0);
        assertThat(server.lastLaunchResultAsString()).isEqualTo("SUCCEEDED");
        assertThat(server.lifeCycle().lastLaunch().initiated().jobID()).isEqualTo(job.jobID());
        assertThat(server.recoveryInstanceId()).isNotBlank();
    }

    @Test
    void describeJobLogItems_shouldListEventsInLifecycleOrder_whenTheJobCompleted() {
        // GIVEN a completed single-server drill
        Job job = startDrill(servers.subList(0, 1));
        SIM.get().clock().advance(Duration.ofMinutes(10));

        // WHEN its log is read two items per page
        List<JobLogEvent> events = drs.describeJobLogItemsPaginator(b -> b.jobID(job.jobID()).maxResults(2)).items()
                .stream().map(JobLog::event).toList();

        // THEN the events follow DRS's order
        assertThat(events).containsExactly(JobLogEvent.JOB_START, JobLogEvent.SNAPSHOT_START,
                JobLogEvent.SNAPSHOT_END, JobLogEvent.CONVERSION_START, JobLogEvent.CONVERSION_END,
                JobLogEvent.LAUNCH_START, JobLogEvent.JOB_END);
    }

    @Test
    void startRecovery_shouldMarkTheServerFailed_whenItsNextLaunchIsSetToFail() {
        // GIVEN one server set to fail its next launch
        SIM.get().fleet().failNextLaunch(servers.get(1));

        // WHEN a drill of all three completes
        Job job = startDrill(servers);
        SIM.get().clock().advance(Duration.ofMinutes(10));
        Job done = describe(job.jobID());

        // THEN that server failed with LAUNCH_FAILED and the others launched
        assertThat(done.participatingServers()).filteredOn(p -> p.sourceServerID().equals(servers.get(1)))
                .extracting(p -> p.launchStatus()).containsExactly(LaunchStatus.FAILED);
        assertThat(done.participatingServers()).filteredOn(p -> !p.sourceServerID().equals(servers.get(1)))
                .extracting(p -> p.launchStatus()).containsOnly(LaunchStatus.LAUNCHED);
        List<JobLog> log = drs.describeJobLogItems(b -> b.jobID(job.jobID())).items();
        assertThat(log).filteredOn(l -> l.event() == JobLogEvent.LAUNCH_FAILED).singleElement()
                .satisfies(l -> {
                    assertThat(l.eventData().sourceServerID()).isEqualTo(servers.get(1));
                    assertThat(l.eventData().rawError()).isNotBlank();
                });
        assertThat(log.get(log.size() - 1).event()).isEqualTo(JobLogEvent.JOB_END);
    }

    @Test
    void terminateRecoveryInstances_shouldTerminateTheInstances_whenTheTerminateJobCompletes() {
        // GIVEN launched recovery instances
        startDrill(servers);
        SIM.get().clock().advance(Duration.ofMinutes(10));
        List<String> ids = drs.describeRecoveryInstances(b -> b.maxResults(100)).items().stream()
                .map(RecoveryInstance::recoveryInstanceID).toList();

        // WHEN they are terminated and the clock passes the terminate job
        Job terminate = drs.terminateRecoveryInstances(b -> b.recoveryInstanceIDs(ids)).job();
        assertThat(terminate.type()).isEqualTo(JobType.TERMINATE);
        SIM.get().clock().advance(Duration.ofMinutes(5));

        // THEN the job completed, DRS forgot them and EC2 shows them terminated
        assertThat(describe(terminate.jobID()).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(drs.describeRecoveryInstances(b -> b.maxResults(100)).items()).isEmpty();
        assertThat(SimClients.withKey(SIM.get(), TARGET).ec2(Region.AP_SOUTHEAST_2)
                .describeInstances(b -> b.instanceIds(ids)).reservations())
                .flatMap(r -> r.instances()).extracting(i -> i.state().name())
                .containsOnly(InstanceStateName.TERMINATED);
    }

    @Test
    void startRecovery_shouldRaiseConflict_whenAServerIsAlreadyInAnActiveJob() {
        // GIVEN a running drill
        startDrill(servers.subList(0, 1));

        // WHEN the same server is started again THEN DRS refuses with ConflictException naming it
        assertThatThrownBy(() -> startDrill(servers.subList(0, 1)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.resourceId()).isEqualTo(servers.get(0));
                });
    }

    @Test
    void describeJobs_shouldListNewestFirst_whenSeveralJobsExist() {
        // GIVEN two jobs a minute apart
        Job first = startDrill(servers.subList(0, 1));
        SIM.get().clock().advance(Duration.ofMinutes(1));
        Job second = startDrill(servers.subList(1, 2));

        // WHEN jobs are listed
        List<String> ids = drs.describeJobs(b -> b.maxResults(10)).items().stream().map(Job::jobID).toList();

        // THEN newest first
        assertThat(ids).containsExactly(second.jobID(), first.jobID());
    }
}
