package dev.drsorchestrator.local.runtime;

import dev.drsorchestrator.local.apigateway.ApiGatewayServer;
import dev.drsorchestrator.local.events.CfnRuleLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The ready banner: every endpoint, what runs behind it, and how to get a token and call the API. */
final class LocalRuntimeBanner {
    private LocalRuntimeBanner() {
    }

    /** What the banner reports. */
    record Facts(URI api, URI aws, URI dynamoDb, String scenario, double timeFactor, String cors, int routes,
                 Collection<String> functions, List<String> targetAccounts, List<CfnRuleLoader.Loaded> rules,
                 Path cfnDir, Map<String, List<String>> extensions, String tablePrefix, int tables) {
    }

    static List<String> lines(Facts f) {
        List<String> out = new ArrayList<>();
        out.add("DRS Orchestrator local runtime is ready.");
        out.add("");
        out.add("  REST API        " + f.api() + "   (" + f.routes() + " routes of cfn/openapi.yaml, stage "
                + ApiGatewayServer.STAGE + ", Cognito authorizer emulated; CORS: " + f.cors() + ")");
        out.add("    health        curl " + f.api() + "/health");
        out.add("    JWKS          " + f.api() + ApiGatewayServer.JWKS_PATH);
        out.add("  AWS endpoint    " + f.aws() + "   (drs, ec2, iam, sts, sns, events, lambda"
                + (f.extensions().containsKey("step-functions") ? ", states" : "") + "; any access key "
                + "'test', secret 'test')");
        out.add("    functions     " + String.join(", ", f.functions()) + "  (POST /2015-03-31/functions/{name}"
                + "/invocations)");
        out.add("  DynamoDB Local  " + f.dynamoDb() + "   (" + f.tables() + " tables '" + f.tablePrefix() + "-*')");
        out.add("  Simulator       " + f.scenario() + "; time factor " + f.timeFactor()
                + (f.timeFactor() == 0 ? " (frozen)" : ""));
        out.add("  Target accounts " + (f.targetAccounts().isEmpty() ? "none in the scenario"
                : String.join(", ", f.targetAccounts()) + " registered"));
        if (f.rules().isEmpty()) {
            out.add("  Schedules       none: no AWS::Events::Rule in " + f.cfnDir().toAbsolutePath()
                    + " (rules put through the EventBridge API are scheduled)");
        } else {
            out.add("  Schedules       " + f.rules().size() + " rule(s) from " + f.cfnDir());
            f.rules().forEach(r -> out.add("    " + r.rule().name() + "  " + r.rule().scheduleExpression() + "  "
                    + r.rule().state()));
        }
        if (f.extensions().isEmpty()) {
            out.add("  Extensions      none (Step Functions runner not mounted)");
        } else {
            f.extensions().forEach((name, lines) -> {
                out.add("  " + pad(name, 16) + (lines.isEmpty() ? "started" : lines.get(0)));
                lines.stream().skip(1).forEach(line -> out.add("                  " + line));
            });
        }
        out.add("");
        String apiUrl = f.api().getPort() == 8080 ? "" : "API_URL=" + f.api() + " ";
        out.add("  Token:   TOKEN=$(" + apiUrl + "scripts/local-token.sh Admin)   (groups: Admin, Operator, Viewer, "
                + "Auditor, Planner)");
        out.add("           or curl '" + f.api() + ApiGatewayServer.TOKEN_PATH + "?group=Admin&format=raw'");
        out.add("  Call:    curl -H \"Authorization: Bearer $TOKEN\" " + f.api() + "/user/permissions");
        out.add("  Invoke:  aws lambda invoke --endpoint-url " + f.aws() + " --function-name query-handler "
                + "--cli-binary-format raw-in-base64-out --payload '{\"operation\":\"health\"}' out.json"
                + "   (AWS CLI v1: without --cli-binary-format)");
        out.add("  Fleet:   aws drs describe-source-servers --endpoint-url " + f.aws() + " --region us-east-1");
        if (f.extensions().containsKey("step-functions")) {
            out.add("  Waves:   aws stepfunctions list-executions --endpoint-url " + f.aws() + " --region us-east-1 "
                    + "--state-machine-arn <state machine above>   (drills: POST " + f.api() + "/executions)");
        }
        out.add("");
        out.add("Press Ctrl-C to stop.");
        return out;
    }

    private static String pad(String text, int width) {
        StringBuilder s = new StringBuilder(text);
        while (s.length() < width) {
            s.append(' ');
        }
        return s.toString();
    }
}
