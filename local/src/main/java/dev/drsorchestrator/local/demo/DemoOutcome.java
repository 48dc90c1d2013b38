package dev.drsorchestrator.local.demo;

import java.util.Optional;

/**
 * How the guided drill ended: the process exit status ({@code 0} only when the drill completed and its instances
 * are gone), the report when the drill got that far, and the failure message otherwise.
 *
 * @param exitStatus 0 on success, 1 on any failure
 * @param report     the drill report, if the drill finished
 * @param failure    what went wrong, if anything
 */
public record DemoOutcome(int exitStatus, Optional<DrillReport> report, Optional<String> failure) {
}
