package dev.drsorchestrator.shared.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a caller ARN into a {@link Principal}: sts assumed-role, iam role, iam user, account root, EventBridge rule
 * and Step Functions state machine or execution. Anything else, including null and garbage, is {@link
 * Principal.Unknown}; parsing never throws, because an unreadable caller must still be audited.
 */
public final class ArnParser {
    private static final String PARTITION = "(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b)";
    private static final String ACCOUNT = "(\\d{12})";
    private static final String NAME = "[\\w+=,.@/-]{1,512}";
    private static final Pattern ASSUMED_ROLE = Pattern.compile(
            "arn:" + PARTITION + ":sts::" + ACCOUNT + ":assumed-role/([\\w+=,.@-]{1,64})/([\\w+=,.@-]{1,64})");
    private static final Pattern ROLE = Pattern.compile(
            "arn:" + PARTITION + ":iam::" + ACCOUNT + ":role/(" + NAME + ")");
    private static final Pattern USER = Pattern.compile(
            "arn:" + PARTITION + ":iam::" + ACCOUNT + ":user/(" + NAME + ")");
    private static final Pattern ROOT = Pattern.compile("arn:" + PARTITION + ":iam::" + ACCOUNT + ":root");
    private static final Pattern EVENTS_RULE = Pattern.compile(
            "arn:" + PARTITION + ":events:[a-z0-9-]{1,32}:" + ACCOUNT + ":rule/(" + NAME + ")");
    private static final Pattern STATES = Pattern.compile(
            "arn:" + PARTITION + ":states:[a-z0-9-]{1,32}:" + ACCOUNT + ":(stateMachine|execution):([\\w+=,.@:-]{1,200})");

    private ArnParser() {
    }

    /** The principal an ARN denotes, or Unknown. */
    public static Principal parse(String arn) {
        if (arn == null || arn.length() > 2048) {
            return new Principal.Unknown();
        }
        String candidate = arn.trim();
        Matcher m = ASSUMED_ROLE.matcher(candidate);
        if (m.matches()) {
            String roleArn = "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3);
            return new Principal.AssumedRole(roleArn, m.group(4), m.group(2));
        }
        m = ROLE.matcher(candidate);
        if (m.matches()) {
            return new Principal.AssumedRole(candidate, null, m.group(2));
        }
        m = USER.matcher(candidate);
        if (m.matches()) {
            return new Principal.IamUser(candidate, m.group(2));
        }
        m = ROOT.matcher(candidate);
        if (m.matches()) {
            return new Principal.IamUser(candidate, m.group(2));
        }
        m = EVENTS_RULE.matcher(candidate);
        if (m.matches()) {
            return new Principal.Service(candidate, m.group(2));
        }
        m = STATES.matcher(candidate);
        if (m.matches()) {
            return new Principal.Service(candidate, m.group(2));
        }
        return new Principal.Unknown();
    }
}
