package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.local.sim.model.SnsMessage;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.drs.model.DrsException;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class StsIamSnsIT {
    private static final String HUB = "111111111111";
    private static final String TARGET = "222222222222";
    private static final String STAGING = "333333333333";

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(Scenarios::demo);

    private static Credentials assume(String account, String externalId) {
        StsClient sts = SimClients.withKey(SIM.get(), Simulator.HUB_ACCESS_KEY).sts();
        return sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/"
                + ScenarioGenerator.ORCHESTRATION_ROLE).roleSessionName("drs-orchestrator").externalId(externalId))
                .credentials();
    }

    @Test
    void assumeRole_shouldMintAKeyThatSeesOnlyTheAssumedAccount_whenTheExternalIdMatches() {
        // GIVEN credentials for the target account minted by the simulated STS
        Credentials minted = assume(TARGET, ScenarioGenerator.externalId(TARGET));

        // WHEN they list servers and ask who they are
        SimClients clients = SimClients.withSession(SIM.get(), minted);
        List<String> seen = clients.drs(Region.US_EAST_1).describeSourceServers(b -> b.maxResults(1000)).items()
                .stream().map(s -> s.sourceServerID()).toList();
        GetCallerIdentityResponse identity = clients.sts().getCallerIdentity();

        // THEN the key starts with ASIA, names the target account, and never sees hub or staging servers
        assertThat(minted.accessKeyId()).startsWith("ASIA");
        assertThat(minted.expiration()).isAfter(SIM.get().clock().now());
        assertThat(identity.account()).isEqualTo(TARGET);
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::" + TARGET + ":assumed-role/"
                + ScenarioGenerator.ORCHESTRATION_ROLE + "/drs-orchestrator");
        assertThat(seen).containsExactlyElementsOf(SIM.get().fleet().sourceServers(TARGET, "us-east-1").stream()
                .map(SourceServer::id).toList());
        assertThat(seen).doesNotContainAnyElementsOf(SIM.get().fleet().sourceServers(HUB, "us-east-1").stream()
                .map(SourceServer::id).toList());
    }

    @Test
    void assumeRole_shouldRaiseAccessDenied_whenTheExternalIdIsWrong() {
        assertThatThrownBy(() -> assume(TARGET, "guess"))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });
    }

    @Test
    void assumeRole_shouldRaiseAccessDenied_whenAFailureIsInjectedForTheAccount() {
        // GIVEN AssumeRole into the staging account is set to fail
        SIM.get().faults().failAssumeRole(STAGING);

        // WHEN / THEN the staging account is refused while the target account still works
        assertThatThrownBy(() -> assume(STAGING, ScenarioGenerator.externalId(STAGING)))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        assertThat(assume(TARGET, ScenarioGenerator.externalId(TARGET)).accessKeyId()).startsWith("ASIA");
    }

    @Test
    void getCallerIdentity_shouldNameTheHub_whenSigningWithTheTestKey() {
        GetCallerIdentityResponse identity = SimClients.withKey(SIM.get(), "test").sts().getCallerIdentity();

        assertThat(identity.account()).isEqualTo(HUB);
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::" + HUB + ":root");
    }

    @Test
    void getCallerIdentity_shouldRaiseInvalidClientTokenId_whenTheKeyIsUnknown() {
        assertThatThrownBy(() -> SimClients.withKey(SIM.get(), "AKIAUNKNOWN").sts().getCallerIdentity())
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                });
    }

    @Test
    void unsignedRequests_shouldGetEachProtocolsMissingAuthError_whenSentWithoutSigV4() throws Exception {
        // GIVEN a plain HTTP client, as curl would be
        HttpClient http = HttpClient.newHttpClient();

        // WHEN STS is called by Action without a signature, and DRS without one
        HttpResponse<String> sts = http.send(HttpRequest.newBuilder(URI.create(SIM.get().endpoint()
                + "/?Action=GetCallerIdentity&Version=2011-06-15")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> drs = http.send(HttpRequest.newBuilder(URI.create(SIM.get().endpoint()
                + "/DescribeSourceServers")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        // THEN each answers AWS's own missing-authentication error in its shape
        assertThat(sts.statusCode()).isEqualTo(403);
        assertThat(sts.body()).contains("<ErrorResponse").contains("<Code>MissingAuthenticationToken</Code>");
        assertThat(drs.statusCode()).isEqualTo(403);
        assertThat(drs.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void listInstanceProfiles_shouldListTheCallersProfilesWithRoles_whenCalled() {
        List<InstanceProfile> profiles = SimClients.withKey(SIM.get(), TARGET).iam().listInstanceProfiles()
                .instanceProfiles();

        assertThat(profiles).extracting(InstanceProfile::instanceProfileName)
                .containsExactly("AWSElasticDisasterRecoveryRecoveryInstanceRole", "dr-recovery-app-profile");
        assertThat(profiles.get(0).arn()).isEqualTo("arn:aws:iam::" + TARGET
                + ":instance-profile/AWSElasticDisasterRecoveryRecoveryInstanceRole");
        assertThat(profiles.get(1).roles()).extracting(r -> r.roleName()).containsExactly("dr-recovery-app-role");
    }

    @Test
    void listInstanceProfiles_shouldPage_whenMaxItemsIsOne() {
        var iam = SimClients.withKey(SIM.get(), TARGET).iam();

        var first = iam.listInstanceProfiles(b -> b.maxItems(1));
        var second = iam.listInstanceProfiles(b -> b.maxItems(1).marker(first.marker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.instanceProfiles()).extracting(InstanceProfile::instanceProfileName)
                .containsExactly("dr-recovery-app-profile");
    }

    @Test
    void publish_shouldKeepTheMessage_whenTheTopicExists() {
        // GIVEN a topic
        SnsClient sns = SimClients.withKey(SIM.get(), HUB).sns(Region.US_EAST_1);
        String topic = sns.createTopic(b -> b.name("drs-orchestrator-notifications")).topicArn();

        // WHEN a message is published with an attribute
        String id = sns.publish(b -> b.topicArn(topic).subject("Drill completed").message("{\"wave\":1}")
                .messageAttributes(java.util.Map.of("eventType", MessageAttributeValue.builder().dataType("String")
                        .stringValue("DRILL_COMPLETED").build()))).messageId();

        // THEN the topic is listed and the simulator kept exactly what was sent
        assertThat(sns.listTopics().topics()).extracting(t -> t.topicArn()).containsExactly(topic);
        assertThat(topic).isEqualTo("arn:aws:sns:us-east-1:" + HUB + ":drs-orchestrator-notifications");
        SnsMessage kept = SIM.get().snsMessages().get(0);
        assertThat(kept.messageId()).isEqualTo(id);
        assertThat(kept.subject()).isEqualTo("Drill completed");
        assertThat(kept.message()).isEqualTo("{\"wave\":1}");
        assertThat(kept.attributes()).containsEntry("eventType", "DRILL_COMPLETED");
    }

    @Test
    void publish_shouldRaiseNotFound_whenTheTopicDoesNotExist() {
        SnsClient sns = SimClients.withKey(SIM.get(), HUB).sns(Region.US_EAST_1);

        assertThatThrownBy(() -> sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:" + HUB + ":missing")
                .message("hello"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void drsClient_shouldRaiseTypedErrorWithCode_whenAnUnknownTwelveDigitAccountCalls() {
        // GIVEN an account id the scenario does not know
        assertThatThrownBy(() -> SimClients.withKey(SIM.get(), "999999999999").drs(Region.US_EAST_1)
                .describeSourceServers(b -> b.maxResults(5)))
                .isInstanceOfSatisfying(DrsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UninitializedAccountException"));
    }
}
