package dev.drsorchestrator.shared.notification;

import java.util.Locale;

/** The subject and plain-text body of an execution notification. */
final class NoticeText {
    private static final int MAX_LISTED_SERVERS = 20;

    private NoticeText() {
    }

    static String subject(ExecutionNotice n) {
        String kind = n.executionType() == null ? "Execution" : capitalized(n.executionType());
        String wave = n.event().aboutWave() && n.waveNumber() != null ? " wave " + (n.waveNumber() + 1) : "";
        return "DRS " + kind + " " + n.event().verb() + ": " + n.planName() + wave;
    }

    static String body(ExecutionNotice n) {
        StringBuilder text = new StringBuilder();
        String kind = n.executionType() == null ? "execution" : n.executionType().toLowerCase(Locale.ROOT);
        text.append("The ").append(kind).append(" of recovery plan '").append(n.planName()).append("' ")
                .append(n.event().aboutWave() ? "reports: " + n.event().verb() : n.event().verb()).append(".\n\n");
        text.append("Plan:      ").append(n.planName()).append(" (").append(n.planId()).append(")\n");
        text.append("Execution: ").append(n.executionId()).append('\n');
        if (n.waveNumber() != null) {
            text.append("Wave:      ").append(n.waveNumber() + 1);
            if (n.waveName() != null) {
                text.append(" (").append(n.waveName()).append(')');
            }
            text.append('\n');
        }
        if (n.detail() != null && !n.detail().isBlank()) {
            text.append("Detail:    ").append(n.detail()).append('\n');
        }
        if (!n.failedServers().isEmpty()) {
            text.append("Failed servers: ");
            text.append(String.join(", ", n.failedServers().subList(0,
                    Math.min(MAX_LISTED_SERVERS, n.failedServers().size()))));
            if (n.failedServers().size() > MAX_LISTED_SERVERS) {
                text.append(" and ").append(n.failedServers().size() - MAX_LISTED_SERVERS).append(" more");
            }
            text.append('\n');
        }
        if (!n.openJobIds().isEmpty()) {
            text.append("\nDRS job(s) still running when the execution ended: ")
                    .append(String.join(", ", n.openJobIds()))
                    .append(".\nThey cannot be recalled and may still launch recovery instances. List them with GET ")
                    .append("/executions/").append(n.executionId()).append("/recovery-instances; once the jobs ")
                    .append("finish, remove them with POST /executions/").append(n.executionId())
                    .append("/terminate-instances.\n");
        }
        if (n.event() == ExecutionEvent.EXECUTION_PAUSED) {
            text.append("\nTo resume: POST /executions/").append(n.executionId())
                    .append("/resume (permission executions:write), or use Resume in the console.\n")
                    .append("To stop instead: POST /executions/").append(n.executionId()).append("/cancel.\n");
        }
        return text.toString();
    }

    private static String capitalized(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
