package dev.drsorchestrator.local.sim;

import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.Scenarios;

/**
 * How to start a simulator: port (0 picks a free one), scenario, time factor (0 freezes the clock, 1 is real time)
 * and worker threads.
 *
 * <pre>{@code
 * SimulatorOptions.defaults().withScenario(myScenario).withTimeFactor(0)
 * }</pre>
 */
public record SimulatorOptions(int port, Scenario scenario, double timeFactor, int threads) {
    public SimulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be between 1 and 1024, got " + threads);
        }
        if (!(timeFactor >= 0) || Double.isInfinite(timeFactor)) {
            throw new IllegalArgumentException("timeFactor must be a finite number >= 0, got " + timeFactor);
        }
    }

    /** A free port, the demo scenario, real time, 64 worker threads. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(0, Scenarios.demo(), 1.0, 64);
    }

    public SimulatorOptions withPort(int newPort) {
        return new SimulatorOptions(newPort, scenario, timeFactor, threads);
    }

    public SimulatorOptions withScenario(Scenario newScenario) {
        return new SimulatorOptions(port, newScenario, timeFactor, threads);
    }

    public SimulatorOptions withTimeFactor(double factor) {
        return new SimulatorOptions(port, scenario, factor, threads);
    }

    public SimulatorOptions withThreads(int count) {
        return new SimulatorOptions(port, scenario, timeFactor, count);
    }
}
