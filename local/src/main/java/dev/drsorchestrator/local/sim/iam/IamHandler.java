package dev.drsorchestrator.local.sim.iam;

import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.Page;
import dev.drsorchestrator.local.sim.http.QueryServiceHandler;
import dev.drsorchestrator.local.sim.http.SimRequest;
import dev.drsorchestrator.local.sim.http.Xml;
import dev.drsorchestrator.local.sim.model.Account;
import dev.drsorchestrator.local.sim.model.Fleet;
import dev.drsorchestrator.local.sim.model.InstanceProfile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Simulated IAM: the instance profiles of the caller's account, for choosing a recovery instance's profile. */
public final class IamHandler extends QueryServiceHandler {
    private static final Instant CREATED = Instant.parse("2024-01-15T09:30:00Z");
    private static final String TRUST_POLICY = URLEncoder.encode("{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
            StandardCharsets.UTF_8);

    private final Fleet fleet;

    public IamHandler(Fleet fleet) {
        super("iam", "https://iam.amazonaws.com/doc/2010-05-08/", "2010-05-08", Set.of("ListInstanceProfiles"));
        this.fleet = fleet;
    }

    @Override
    protected String perform(String action, SimRequest request, Map<String, String> params) {
        String prefix = params.getOrDefault("PathPrefix", "/");
        if (!prefix.startsWith("/")) {
            throw new AwsException("ValidationError", 400, "1 validation error detected: Value '" + prefix
                    + "' at 'pathPrefix' failed to satisfy constraint: Member must start with /");
        }
        int maxItems = 100;
        if (params.containsKey("MaxItems")) {
            try {
                maxItems = Integer.parseInt(params.get("MaxItems"));
            } catch (NumberFormatException e) {
                maxItems = -1;
            }
            if (maxItems < 1 || maxItems > 1000) {
                throw new AwsException("ValidationError", 400, "1 validation error detected: Value '"
                        + params.get("MaxItems") + "' at 'maxItems' failed to satisfy constraint: Member must have"
                        + " value between 1 and 1000");
            }
        }
        List<InstanceProfile> all = fleet.account(request.accountId()).map(Account::instanceProfiles)
                .orElse(List.of()).stream().filter(p -> "/".startsWith(prefix)).toList();
        Page<InstanceProfile> page;
        try {
            page = Page.of(all, params.get("Marker"), maxItems);
        } catch (IllegalArgumentException e) {
            throw new AwsException("ValidationError", 400, "Invalid Marker");
        }
        String account = request.accountId();
        Xml xml = Xml.fragment().open("InstanceProfiles");
        for (InstanceProfile profile : page.items()) {
            xml.open("member").leaf("Path", "/").leaf("InstanceProfileName", profile.name())
                    .leaf("InstanceProfileId", stableId("AIPA", account + profile.name()))
                    .leaf("Arn", "arn:aws:iam::" + account + ":instance-profile/" + profile.name())
                    .leaf("CreateDate", CREATED).open("Roles");
            for (String role : profile.roleNames()) {
                xml.open("member").leaf("Path", "/").leaf("RoleName", role)
                        .leaf("RoleId", stableId("AROA", account + role))
                        .leaf("Arn", "arn:aws:iam::" + account + ":role/" + role).leaf("CreateDate", CREATED)
                        .leaf("AssumeRolePolicyDocument", TRUST_POLICY).close("member");
            }
            xml.close("Roles").close("member");
        }
        xml.close("InstanceProfiles").leaf("IsTruncated", page.nextToken() != null).leaf("Marker", page.nextToken());
        return xml.toString();
    }

    private static String stableId(String prefix, String seed) {
        String hex = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return prefix + hex.substring(0, 17).toUpperCase(Locale.ROOT);
    }
}
