package dev.drsorchestrator.local.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * One wave of a finished drill, as the execution recorded it.
 *
 * @param number   wave number, from 1 as the report shows it
 * @param name     wave name
 * @param status   final wave status
 * @param servers  servers in the wave
 * @param launched servers whose recovery instance launched
 * @param failed   servers that failed to launch
 * @param started  when the wave started (the execution's timestamp)
 * @param ended    when the wave completed
 * @param duration {@code ended - started}
 */
public record WaveResult(int number, String name, String status, int servers, int launched, int failed,
                         Instant started, Instant ended, Duration duration) {
}
