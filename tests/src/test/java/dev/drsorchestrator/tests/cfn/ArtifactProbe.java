package dev.drsorchestrator.tests.cfn;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.Ec2Gateway;
import dev.drsorchestrator.shared.gateway.Ec2InstanceInfo;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.gateway.LaunchTemplateChanges;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs inside a fresh JVM whose classpath is one handler's shrunk Lambda zip (plus this class): constructs the handler
 * as Lambda does, answers a health event, then makes every EC2 call of {@link Ec2Gateway} through the artifact's own
 * classes and prints what came back as one JSON line. A class the shrinker dropped fails here with
 * {@code NoClassDefFoundError} or {@code NoSuchMethodError}, and {@link LambdaArtifactIT} fails the build.
 */
final class ArtifactProbe {
    private ArtifactProbe() {
    }

    /** Arguments: handler class, region, launch template id, a subnet id, a security group id. */
    public static void main(String[] args) throws Exception {
        String region = args[1];
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        ByteArrayOutputStream health = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{\"operation\":\"health\"}".getBytes(StandardCharsets.UTF_8)),
                health, null);

        Ec2Gateway ec2 = Gateways.from(CoreServices.from(Env.fromSystem())).ec2(AccountContext.hub(), region);
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("health", Json.mapper().readTree(health.toByteArray()));

        List<Ec2InstanceInfo> all = ec2.describeInstances(List.of(), Map.of());
        out.put("allInstances", all.size());
        Ec2InstanceInfo first = all.get(0);
        List<String> ids = all.stream().map(Ec2InstanceInfo::instanceId).toList();
        out.put("instancesById", ec2.describeInstances(ids, Map.of()).size());
        out.put("instancesOfType", ec2.describeInstances(List.of(),
                Map.of("instance-type", List.of(first.instanceType()))).size());
        out.put("firstInstanceType", first.instanceType());

        out.put("subnets", ec2.describeSubnets(Map.of()).size());
        out.put("securityGroups", ec2.describeSecurityGroups(Map.of()).size());
        out.put("instanceTypes", ec2.describeInstanceTypes(List.of()).size());
        out.set("namedType", ec2.describeInstanceTypes(List.of(first.instanceType())).get(0));

        String templateId = args[2];
        long version = ec2.createLaunchTemplateVersion(templateId, "1", new LaunchTemplateChanges("m5.xlarge",
                args[3], List.of(args[4]), null, null, "artifact probe"));
        ec2.modifyLaunchTemplate(templateId, Long.toString(version));
        List<JsonNode> defaults = ec2.describeLaunchTemplateVersions(templateId, List.of("$Default"));
        out.put("createdVersion", version);
        out.set("defaultVersion", defaults.get(0));

        ec2.createTags(List.of(first.instanceId()), Map.of("ArtifactProbe", "shrunk"));
        out.put("taggedValue", ec2.describeInstances(List.of(first.instanceId()), Map.of()).get(0).tags()
                .get("ArtifactProbe"));
        System.out.println(Json.write(out));
    }
}
