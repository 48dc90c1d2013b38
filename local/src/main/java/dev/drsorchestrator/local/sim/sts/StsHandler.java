package dev.drsorchestrator.local.sim.sts;

import dev.drsorchestrator.local.sim.Faults;
import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.QueryServiceHandler;
import dev.drsorchestrator.local.sim.http.SimRequest;
import dev.drsorchestrator.local.sim.http.Xml;
import dev.drsorchestrator.local.sim.model.Account;
import dev.drsorchestrator.local.sim.model.Fleet;
import dev.drsorchestrator.local.sim.model.IamRole;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated STS. AssumeRole checks the role and its external id as a trust policy would, and mints an {@code ASIA}
 * key that the edge then resolves to the assumed role's account: that is how cross-account calls reach the right
 * slice of the fleet.
 */
public final class StsHandler extends QueryServiceHandler {
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@/-]*/)?([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final Fleet fleet;
    private final Faults faults;
    private final Map<String, String> arnsOfMintedKeys = new ConcurrentHashMap<>();

    public StsHandler(Fleet fleet, Faults faults) {
        super("sts", "https://sts.amazonaws.com/doc/2011-06-15/", "2011-06-15",
                Set.of("AssumeRole", "GetCallerIdentity"));
        this.fleet = fleet;
        this.faults = faults;
    }

    @Override
    protected String perform(String action, SimRequest request, Map<String, String> params) {
        return "AssumeRole".equals(action) ? assumeRole(params) : callerIdentity(request);
    }

    private String assumeRole(Map<String, String> params) {
        String roleArn = required(params, "RoleArn");
        String session = required(params, "RoleSessionName");
        if (!SESSION_NAME.matcher(session).matches()) {
            throw new AwsException("ValidationError", 400, "1 validation error detected: Value '" + session
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression"
                    + " pattern: [\\w+=,.@-]*");
        }
        long duration = 3600;
        if (params.containsKey("DurationSeconds")) {
            try {
                duration = Long.parseLong(params.get("DurationSeconds"));
            } catch (NumberFormatException e) {
                duration = -1;
            }
            if (duration < 900 || duration > 43200) {
                throw new AwsException("ValidationError", 400, "1 validation error detected: Value '"
                        + params.get("DurationSeconds") + "' at 'durationSeconds' failed to satisfy constraint:"
                        + " Member must have value between 900 and 43200");
            }
        }
        Matcher arn = ROLE_ARN.matcher(roleArn);
        if (!arn.matches()) {
            throw new AwsException("ValidationError", 400, roleArn + " is invalid");
        }
        String account = arn.group(1);
        String roleName = arn.group(2);
        IamRole role = fleet.account(account).flatMap(a -> findRole(a, roleName)).orElse(null);
        String externalId = params.get("ExternalId");
        boolean trusted = role != null && (role.externalId() == null || role.externalId().equals(externalId));
        if (!trusted || faults.assumeRoleFails(account)) {
            throw new AwsException("AccessDenied", 403, "User is not authorized to perform: sts:AssumeRole on"
                    + " resource: " + roleArn);
        }
        String accessKey = fleet.ids().upper("ASIA", 16);
        fleet.registerMintedKey(accessKey, account);
        String assumedArn = "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session;
        arnsOfMintedKeys.put(accessKey, assumedArn);
        String roleId = fleet.ids().upper("AROA", 17);
        return Xml.fragment().open("Credentials").leaf("AccessKeyId", accessKey)
                .leaf("SecretAccessKey", fleet.ids().hex("", 40))
                .leaf("SessionToken", "FwoGZXIvYXdzE" + fleet.ids().hex("", 120))
                .leaf("Expiration", fleet.now().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS).toString())
                .close("Credentials").open("AssumedRoleUser").leaf("AssumedRoleId", roleId + ":" + session)
                .leaf("Arn", assumedArn).close("AssumedRoleUser").toString();
    }

    private String callerIdentity(SimRequest request) {
        String arn = arnsOfMintedKeys.getOrDefault(request.accessKeyId(), "arn:aws:iam::" + request.accountId()
                + ":root");
        String userId = request.accessKeyId().startsWith("ASIA") ? "AROA" + request.accessKeyId().substring(4)
                : request.accountId();
        return Xml.fragment().leaf("Arn", arn).leaf("UserId", userId).leaf("Account", request.accountId())
                .toString();
    }

    private static java.util.Optional<IamRole> findRole(Account account, String name) {
        return account.roles().stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
