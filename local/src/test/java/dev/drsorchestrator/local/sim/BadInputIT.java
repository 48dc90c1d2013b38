package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.local.sim.scenario.Scenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Raw HTTP with broken input: every answer must be an AWS-shaped error, never a stack trace or a hang. */
class BadInputIT {
    private static final String DRS_AUTH = "AWS4-HMAC-SHA256 Credential=222222222222/20260105/us-east-1/drs/"
            + "aws4_request, SignedHeaders=host, Signature=0";

    @RegisterExtension
    static final SimulatorExtension SIM = new SimulatorExtension(Scenarios::demo);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String path, String auth, String contentType, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(SIM.get().endpoint() + path)).header("Authorization", auth)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void drs_shouldAnswerSerializationException_whenTheBodyIsNotJson() throws Exception {
        HttpResponse<String> response = post("/DescribeSourceServers", DRS_AUTH, "application/json", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("SerializationException");
        assertThat(response.body()).startsWith("{\"message\":").doesNotContain("Exception:").doesNotContain("\tat ");
    }

    @Test
    void drs_shouldAnswerValidationException_whenAFieldHasTheWrongType() throws Exception {
        HttpResponse<String> response = post("/StartRecovery", DRS_AUTH, "application/json",
                "{\"sourceServers\":\"s-1\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
        assertThat(response.body()).contains("\"name\":\"sourceServers\"");
    }

    @Test
    void drs_shouldAnswerUnknownOperation_whenThePathIsNoDrsOperation() throws Exception {
        HttpResponse<String> response = post("/LaunchMissiles", DRS_AUTH, "application/json", "{}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
    }

    @Test
    void ec2_shouldAnswerInvalidAction_whenTheActionIsUnknown() throws Exception {
        HttpResponse<String> response = post("/", DRS_AUTH.replace("/drs/", "/ec2/"),
                "application/x-www-form-urlencoded", "Action=LaunchMissiles&Version=2016-11-15");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>");
    }

    @Test
    void sts_shouldAnswerMissingParameter_whenRoleArnIsMissing() throws Exception {
        HttpResponse<String> response = post("/", DRS_AUTH.replace("/drs/", "/sts/"),
                "application/x-www-form-urlencoded", "Action=AssumeRole&Version=2011-06-15&RoleSessionName=x1");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>MissingParameter</Code>").contains("RoleArn");
    }

    @Test
    void edge_shouldAnswerUnrecognizedService_whenTheSigningNameIsNotMounted() throws Exception {
        HttpResponse<String> response = post("/", DRS_AUTH.replace("/drs/", "/kinesis/"), "application/json", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnrecognizedServiceException");
    }
}
