package dev.drsorchestrator.local.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.local.sim.control.ControlHandler;
import dev.drsorchestrator.local.sim.drs.DrsHandler;
import dev.drsorchestrator.local.sim.ec2.Ec2Handler;
import dev.drsorchestrator.local.sim.http.CallPolicy;
import dev.drsorchestrator.local.sim.http.EdgeServer;
import dev.drsorchestrator.local.sim.iam.IamHandler;
import dev.drsorchestrator.local.sim.model.Fleet;
import dev.drsorchestrator.local.sim.model.SnsMessage;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.ScenarioLoader;
import dev.drsorchestrator.local.sim.sns.SnsHandler;
import dev.drsorchestrator.local.sim.sts.StsHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A running simulator: one loopback HTTP endpoint that AWS SDKs and the AWS CLI talk to as if it were AWS, plus the
 * Java handles tests use to steer it (clock, faults, counters, fleet).
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimulatorOptions.defaults().withTimeFactor(0))) {
 *     DrsClient drs = DrsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
 *             .build();
 *     sim.clock().advance(Duration.ofMinutes(10));
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {
    /** The access key id that names the scenario's hub account. */
    public static final String HUB_ACCESS_KEY = "test";

    private final SimClock clock;
    private final Faults faults = new Faults();
    private final Counters counters = new Counters();
    private final Fleet fleet;
    private final EdgeServer edge;
    private final Object scenarioLock = new Object();
    private String scenarioSummary;

    private Simulator(SimulatorOptions options) throws IOException {
        this.clock = new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS), options.timeFactor());
        this.fleet = new Fleet(clock::now, 1L);
        this.edge = new EdgeServer(options.port(), options.threads(), new Policy(), this::accountOfKey);
        ObjectMapper mapper = new ObjectMapper();
        edge.mount(new DrsHandler(fleet, mapper));
        edge.mount(new StsHandler(fleet, faults));
        edge.mount(new Ec2Handler(fleet));
        edge.mount(new IamHandler(fleet));
        edge.mount(new SnsHandler(fleet));
        edge.mountPath("/_control/", new ControlHandler(this, mapper)::handle);
        loadScenario(options.scenario());
        edge.start();
    }

    /** Starts a simulator with these options; close it to free the port. */
    public static Simulator start(SimulatorOptions options) {
        try {
            return new Simulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind simulator to 127.0.0.1:" + options.port(), e);
        }
    }

    /** Starts a simulator on a free port with {@code scenario} and a frozen clock (advance it by hand). */
    public static Simulator start(Scenario scenario) {
        return start(SimulatorOptions.defaults().withScenario(scenario).withTimeFactor(0));
    }

    /** Replaces fleet, timings and faults with the scenario's; counters and SNS messages start over. */
    public void loadScenario(Scenario scenario) {
        synchronized (scenarioLock) {
            Instant start = ScenarioLoader.load(scenario, fleet);
            if (start != null) {
                clock.reset(start);
            }
            faults.clear();
            scenario.faults().forEach(faults::inject);
            scenario.assumeRoleFailures().forEach(faults::failAssumeRole);
            counters.reset();
            scenarioSummary = scenario.summary();
        }
    }

    /** The base URI for SDK endpoint overrides, e.g. {@code http://127.0.0.1:4566}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return edge.port();
    }

    public SimClock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    public Counters counters() {
        return counters;
    }

    public Fleet fleet() {
        return fleet;
    }

    /** Every message published to simulated SNS since the scenario was loaded, oldest first. */
    public List<SnsMessage> snsMessages() {
        return fleet.snsMessages();
    }

    /** The edge, for mounting more services ({@code states}, {@code events}, {@code lambda}) or paths. */
    public EdgeServer edge() {
        return edge;
    }

    /** A one-line description of the loaded scenario. */
    public String scenarioSummary() {
        synchronized (scenarioLock) {
            return scenarioSummary;
        }
    }

    @Override
    public void close() {
        edge.close();
    }

    private Optional<String> accountOfKey(String accessKeyId) {
        if (accessKeyId == null) {
            return Optional.empty();
        }
        if (accessKeyId.matches("\\d{12}")) {
            return Optional.of(accessKeyId);
        }
        if (HUB_ACCESS_KEY.equals(accessKeyId)) {
            return fleet.hubAccountId();
        }
        return fleet.accountOfMintedKey(accessKeyId);
    }

    private final class Policy implements CallPolicy {
        @Override
        public Decision before(String account, String region, String service, String operation) {
            counters.begin(account, region, service, operation);
            FaultDecision decision = faults.decide(account, region, service, operation);
            counters.addLatency(account, region, decision.latencyMillis());
            FaultRule error = decision.error();
            return new Decision(decision.latencyMillis(), error == null ? null : error.errorCode(),
                    error == null ? null : error.errorMessage(), error == null ? null : error.retryAfterSeconds(),
                    decision.drop());
        }

        @Override
        public void after() {
            counters.end();
        }
    }
}
