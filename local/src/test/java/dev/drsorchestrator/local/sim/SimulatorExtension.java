package dev.drsorchestrator.local.sim;

import dev.drsorchestrator.local.sim.scenario.Scenario;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One simulator per test class, started before the first test, given a fresh copy of the scenario before every test
 * (so faults, clock moves and launched jobs never leak between tests) and closed after the last.
 */
final class SimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final Supplier<Scenario> scenario;
    private Simulator simulator;

    SimulatorExtension(Supplier<Scenario> scenario) {
        this.scenario = scenario;
    }

    /** The running simulator. */
    Simulator get() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator starts before the first test of the class");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = Simulator.start(scenario.get());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator.loadScenario(scenario.get());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
