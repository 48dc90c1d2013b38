package dev.drsorchestrator.local.demo;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scripts/run-local.sh --demo}: runs the guided drill against a running local runtime, over its API and AWS
 * endpoints only, prints the progress and the report, and answers with an exit status. It never throws: a failure
 * is printed as one line saying which step failed and why.
 *
 * <pre>{@code
 * DemoOutcome outcome = Demo.run(runtime.apiUri(), runtime.awsEndpoint(), DemoSettings.defaults(), System.out, false);
 * }</pre>
 */
public final class Demo {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

    private Demo() {
    }

    /** Runs the drill; {@code tty} selects the in-place progress display. */
    public static DemoOutcome run(URI api, URI aws, DemoSettings settings, PrintStream out, boolean tty) {
        Clock clock = Clock.systemUTC();
        long began = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        DrillFlow flow = new DrillFlow(new ApiClient(http, api), new LambdaInvokeClient(http, aws, "us-east-1"),
                settings, out, tty, clock);
        out.println("DRS Orchestrator guided drill (run " + settings.runId() + "): account " + settings.accountId()
                + ", region " + settings.region() + ", API " + api + ", AWS " + aws);
        try {
            DrillReport report = flow.run();
            ReportFormatter.lines(report).forEach(out::println);
            out.println("Demo finished in " + ReportFormatter.seconds(Duration.ofNanos(System.nanoTime() - began))
                    + ".");
            out.flush();
            return new DemoOutcome(0, Optional.of(report), Optional.empty());
        } catch (DemoException e) {
            LOG.debug("demo failed", e);
            out.println("demo FAILED: " + e.getMessage());
            out.flush();
            return new DemoOutcome(1, Optional.empty(), Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("demo failed unexpectedly", e);
            out.println("demo FAILED unexpectedly: " + e);
            out.flush();
            return new DemoOutcome(1, Optional.empty(), Optional.of(e.toString()));
        }
    }
}
