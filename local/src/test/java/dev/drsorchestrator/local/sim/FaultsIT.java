package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.local.sim.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.drs.model.AccessDeniedException;
import software.amazon.awssdk.services.drs.model.ConflictException;
import software.amazon.awssdk.services.drs.model.InternalServerException;
import software.amazon.awssdk.services.drs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.drs.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.drs.model.ThrottlingException;
import software.amazon.awssdk.services.drs.model.UninitializedAccountException;
import software.amazon.awssdk.services.drs.model.ValidationException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

class FaultsIT {
    private static final String TARGET = "222222222222";

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(Scenarios::demo);

    private static DrsClient drs(String account, Region region) {
        return SimClients.withKey(SIM.get(), account).drs(region);
    }

    static Stream<Arguments> drsErrors() {
        return Stream.of(Arguments.of("ThrottlingException", ThrottlingException.class, 429),
                Arguments.of("AccessDeniedException", AccessDeniedException.class, 403),
                Arguments.of("ValidationException", ValidationException.class, 400),
                Arguments.of("ConflictException", ConflictException.class, 409),
                Arguments.of("ServiceQuotaExceededException", ServiceQuotaExceededException.class, 402),
                Arguments.of("InternalServerException", InternalServerException.class, 500),
                Arguments.of("UninitializedAccountException", UninitializedAccountException.class, 400),
                Arguments.of("ResourceNotFoundException", ResourceNotFoundException.class, 404));
    }

    @ParameterizedTest
    @MethodSource("drsErrors")
    void injectedDrsError_shouldSurfaceAsTheSdksTypedException_whenTheOperationMatches(
            String code, Class<? extends Throwable> type, int status) {
        // GIVEN a fault on DescribeSourceServers
        SIM.get().faults().inject(FaultRule.error("drs", "DescribeSourceServers", code));

        // WHEN the SDK calls it THEN the typed exception with DRS's status arrives
        assertThatThrownBy(() -> drs(TARGET, Region.US_EAST_1).describeSourceServers(b -> b.maxResults(5)))
                .isInstanceOf(type)
                .satisfies(e -> assertThat(((software.amazon.awssdk.awscore.exception.AwsServiceException) e)
                        .statusCode()).isEqualTo(status));
    }

    @Test
    void throttlingFault_shouldCarryRetryAfterSeconds_whenInjectedWithAWait() {
        SIM.get().faults().inject(FaultRule.error("drs", "DescribeJobs", "ThrottlingException").withRetryAfter(7));

        assertThatThrownBy(() -> drs(TARGET, Region.US_EAST_1).describeJobs(b -> b.maxResults(5)))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isEqualTo("7");
                    assertThat(e.isThrottlingException()).isTrue();
                });
    }

    @Test
    void fault_shouldHitOnlyTheSelectedAccountAndRegion_whenScoped() {
        // GIVEN a fault for the target account in us-east-1 only
        SIM.get().faults().inject(FaultRule.error("drs", null, "AccessDeniedException").forAccount(TARGET)
                .inRegion("us-east-1"));

        // WHEN / THEN that scope fails, other scopes answer
        assertThatThrownBy(() -> drs(TARGET, Region.US_EAST_1).describeSourceServers(b -> b.maxResults(5)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(drs(TARGET, Region.US_WEST_2).describeSourceServers(b -> b.maxResults(5)).items()).isNotEmpty();
        assertThat(drs("111111111111", Region.US_EAST_1).describeSourceServers(b -> b.maxResults(5)).items())
                .isNotEmpty();
    }

    @Test
    void ec2Faults_shouldSurfaceWithEc2ErrorCodes_whenInjected() {
        SIM.get().faults().inject(FaultRule.error("ec2", "DescribeInstances", "RequestLimitExceeded"));
        SIM.get().faults().inject(FaultRule.error("ec2", "DescribeSubnets", "UnauthorizedOperation"));
        var ec2 = SimClients.withKey(SIM.get(), TARGET).ec2(Region.US_EAST_1);

        assertThatThrownBy(ec2::describeInstances).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.isThrottlingException()).isTrue();
        });
        assertThatThrownBy(ec2::describeSubnets).isInstanceOfSatisfying(Ec2Exception.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(e.statusCode()).isEqualTo(403);
        });
    }

    @Test
    void droppedConnection_shouldSurfaceAsAClientException_whenInjected() {
        SIM.get().faults().inject(FaultRule.drop("drs", "DescribeSourceServers"));

        assertThatThrownBy(() -> drs(TARGET, Region.US_EAST_1).describeSourceServers(b -> b.maxResults(5)))
                .isInstanceOf(SdkClientException.class);
    }

    @Test
    void failureRate_shouldFailTheSameCallsOnEveryRun_whenSeeded() {
        // GIVEN a 50% failure rate with a fixed seed, run twice from a fresh rule
        List<Boolean> first = outcomes();
        SIM.get().faults().clear();
        List<Boolean> second = outcomes();

        // THEN both runs fail exactly the same calls, and some but not all
        assertThat(first).isEqualTo(second).contains(true, false);
    }

    private List<Boolean> outcomes() {
        SIM.get().faults().inject(FaultRule.error("drs", "DescribeJobs", "InternalServerException")
                .withFailureRate(0.5, 42));
        DrsClient drs = drs(TARGET, Region.US_EAST_1);
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try {
                drs.describeJobs(b -> b.maxResults(5));
                failed.add(false);
            } catch (InternalServerException e) {
                failed.add(true);
            }
        }
        return failed;
    }

    @Test
    void latency_shouldBeCountedPerAccountAndRegion_whenInjected() {
        // GIVEN 30 ms of latency on DescribeSourceServers in us-west-2
        SIM.get().faults().inject(FaultRule.latency("drs", "DescribeSourceServers", 30).inRegion("us-west-2"));

        // WHEN the target calls twice there and once in us-east-1
        drs(TARGET, Region.US_WEST_2).describeSourceServers(b -> b.maxResults(5));
        drs(TARGET, Region.US_WEST_2).describeSourceServers(b -> b.maxResults(5));
        drs(TARGET, Region.US_EAST_1).describeSourceServers(b -> b.maxResults(5));

        // THEN counters know the calls and the injected latency per scope
        Counters counters = SIM.get().counters();
        assertThat(counters.calls("drs", "DescribeSourceServers")).isEqualTo(3);
        assertThat(counters.calls(TARGET, "us-west-2", "drs", "DescribeSourceServers")).isEqualTo(2);
        assertThat(counters.injectedLatencyMillis(TARGET, "us-west-2")).isEqualTo(60);
        assertThat(counters.injectedLatencyMillis(TARGET, "us-east-1")).isZero();
        assertThat(counters.peakConcurrency()).isGreaterThanOrEqualTo(1);
    }
}
