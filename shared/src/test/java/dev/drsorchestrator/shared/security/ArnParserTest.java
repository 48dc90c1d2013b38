package dev.drsorchestrator.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ArnParserTest {

    @Test
    void parse_shouldReturnRoleArnAndSession_whenAssumedRole() {
        // GIVEN the seed's Step Functions caller
        String arn = "arn:aws:sts::891376951562:assumed-role/ExecutionRole/session-name";
        // WHEN
        Principal principal = ArnParser.parse(arn);
        // THEN
        assertThat(principal).isEqualTo(new Principal.AssumedRole(
                "arn:aws:iam::891376951562:role/ExecutionRole", "session-name", "891376951562"));
        assertThat(principal.type()).isEqualTo("AssumedRole");
    }

    @Test
    void parse_shouldReturnUser_whenIamUser() {
        Principal principal = ArnParser.parse("arn:aws:iam::891376951562:user/admin-user");
        assertThat(principal).isEqualTo(new Principal.IamUser("arn:aws:iam::891376951562:user/admin-user", "891376951562"));
        assertThat(principal.type()).isEqualTo("User");
    }

    @Test
    void parse_shouldReturnRoleWithoutSession_whenIamRole() {
        Principal principal = ArnParser.parse("arn:aws:iam::891376951562:role/service-role/StepFunctionsRole");
        assertThat(principal).isEqualTo(new Principal.AssumedRole(
                "arn:aws:iam::891376951562:role/service-role/StepFunctionsRole", null, "891376951562"));
    }

    @Test
    void parse_shouldReturnService_whenEventBridgeRule() {
        Principal principal = ArnParser.parse("arn:aws:events:us-east-1:891376951562:rule/inventory-sync");
        assertThat(principal).isEqualTo(new Principal.Service("arn:aws:events:us-east-1:891376951562:rule/inventory-sync",
                "891376951562"));
        assertThat(principal.type()).isEqualTo("Service");
    }

    @Test
    void parse_shouldReturnService_whenStateMachineOrExecution() {
        assertThat(ArnParser.parse("arn:aws:states:us-east-1:891376951562:stateMachine:wave-orchestrator"))
                .isEqualTo(new Principal.Service("arn:aws:states:us-east-1:891376951562:stateMachine:wave-orchestrator",
                        "891376951562"));
        assertThat(ArnParser.parse("arn:aws:states:us-east-1:891376951562:execution:wave-orchestrator:exec-1").type())
                .isEqualTo("Service");
    }

    @Test
    void parse_shouldReturnUser_whenAccountRoot() {
        assertThat(ArnParser.parse("arn:aws:iam::891376951562:root"))
                .isEqualTo(new Principal.IamUser("arn:aws:iam::891376951562:root", "891376951562"));
    }

    @Test
    void parse_shouldKeepPartition_whenGovCloud() {
        Principal principal = ArnParser.parse("arn:aws-us-gov:sts::891376951562:assumed-role/R/s");
        assertThat(principal.arn()).isEqualTo("arn:aws-us-gov:iam::891376951562:role/R");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "arn:aws:iam::12345:user/x", "arn:aws:s3:::bucket",
            "arn:aws:lambda:us-east-1:891376951562:function:query-handler", "arn:aws:sts::891376951562:assumed-role/OnlyRole",
            "cognito:user:a@b.c", "arn:aws:iam::891376951562:user/"})
    void parse_shouldReturnUnknown_whenUnrecognised(String arn) {
        assertThat(ArnParser.parse(arn)).isEqualTo(new Principal.Unknown());
    }
}
