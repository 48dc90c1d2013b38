package dev.drsorchestrator.shared.security;

import java.util.List;

/**
 * Who invoked a handler. API calls carry a Cognito user; direct invocations carry an IAM identity taken from the event
 * ({@code invokedBy}), or nothing at all. Each variant knows the fields the audit record needs.
 */
public sealed interface Principal {

    /** The audit-record principal type: CognitoUser, AssumedRole, User, Service or Unknown. */
    String type();

    /** The principal ARN for the audit record (assumed roles report their role ARN). */
    String arn();

    /** The AWS account of the principal, when known. */
    default String accountId() {
        return null;
    }

    /** A Cognito user authenticated by the API Gateway authorizer. */
    record CognitoUser(String email, String username, List<String> groups) implements Principal {
        public CognitoUser {
            groups = List.copyOf(groups);
        }

        @Override
        public String type() {
            return "CognitoUser";
        }

        @Override
        public String arn() {
            return "cognito:user:" + (email != null ? email : username);
        }
    }

    /** An IAM role, assumed (with a session name) or named directly (Step Functions passes its role ARN). */
    record AssumedRole(String roleArn, String sessionName, String accountId) implements Principal {
        @Override
        public String type() {
            return "AssumedRole";
        }

        @Override
        public String arn() {
            return roleArn;
        }
    }

    /** An IAM user or the account root. */
    record IamUser(String arn, String accountId) implements Principal {
        @Override
        public String type() {
            return "User";
        }
    }

    /** An AWS service acting on the account's behalf: an EventBridge rule or a Step Functions state machine. */
    record Service(String arn, String accountId) implements Principal {
        @Override
        public String type() {
            return "Service";
        }
    }

    /** Nothing identifiable; IAM on the function is then the only gate. */
    record Unknown() implements Principal {
        @Override
        public String type() {
            return "Unknown";
        }

        @Override
        public String arn() {
            return null;
        }
    }
}
