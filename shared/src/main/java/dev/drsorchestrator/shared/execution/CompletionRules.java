package dev.drsorchestrator.shared.execution;

import java.util.Locale;
import java.util.Set;

/** The status vocabularies and the outcome rule behind {@link WaveCompletion}. */
final class CompletionRules {
    static final Set<String> FINAL_JOB_STATUSES = Set.of("COMPLETED", "FAILED");
    static final Set<String> FINAL_SERVER_STATES = Set.of("LAUNCHED", "FAILED", "TERMINATED");

    private CompletionRules() {
    }

    static String upper(String text) {
        return text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    }

    static WaveStatus outcome(int launched, int total, boolean allJobsCompleted) {
        if (total == 0) {
            return allJobsCompleted ? WaveStatus.COMPLETED : WaveStatus.FAILED;
        }
        if (launched == total) {
            return WaveStatus.COMPLETED;
        }
        return launched == 0 ? WaveStatus.FAILED : WaveStatus.PARTIAL;
    }
}
