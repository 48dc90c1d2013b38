package dev.drsorchestrator.local.sim;

import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone ({@code scripts/run-simulator.sh}): {@code [--port 4566] [--scenario FILE]
 * [--time-factor N]}. Prints one ready line once the port accepts requests and stops on Ctrl-C.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Simulator simulator;
        try {
            simulator = Simulator.start(parse(args));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: run-simulator.sh [--port 4566] [--scenario FILE] [--time-factor N]");
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        System.out.println("simulator ready on " + simulator.endpoint() + " (" + simulator.scenarioSummary() + ")");
        System.out.flush();
        stopped.await();
    }

    private static Scenario readScenario(String file) {
        try {
            return Scenarios.read(Path.of(file));
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            int newline = message.indexOf('\n');
            throw new IllegalArgumentException("cannot read scenario " + file + ": "
                    + (newline < 0 ? message : message.substring(0, newline)), e);
        }
    }

    private static SimulatorOptions parse(String[] args) {
        int port = 4566;
        Scenario scenario = null;
        double factor = 1.0;
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            String value = args[i + 1];
            switch (flag) {
                case "--port" -> port = parseInt(value, "--port");
                case "--scenario" -> scenario = readScenario(value);
                case "--time-factor" -> factor = parseDouble(value, "--time-factor");
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new SimulatorOptions(port, scenario == null ? Scenarios.demo() : scenario, factor, 64);
    }

    private static int parseInt(String value, String flag) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, got " + value, e);
        }
    }

    private static double parseDouble(String value, String flag) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number, got " + value, e);
        }
    }
}
