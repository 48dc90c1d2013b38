package dev.drsorchestrator.local.sim.http;

import java.util.Set;

/**
 * One simulated AWS service mounted on the edge under its SigV4 signing name ({@code drs}, {@code ec2}, {@code sts},
 * {@code states}, ...). The edge resolves the caller, applies faults and counts calls; the handler speaks the
 * service's wire protocol, including its error shape.
 *
 * <pre>{@code
 * simulator.edge().mount(new MyStatesHandler(...));   // answers requests signed for "states"
 * }</pre>
 */
public interface AwsServiceHandler {
    /** The SigV4 signing name this handler answers for. */
    String signingName();

    /** Query-protocol {@code Action} names that identify this service in requests that carry no signature. */
    default Set<String> unsignedActions() {
        return Set.of();
    }

    /** The operation a request calls (for faults and counters), or {@code "Unknown"}. */
    String operation(SimRequest request);

    /** Answers a request whose caller the edge has resolved ({@code request.accountId()} is set). */
    SimResponse handle(SimRequest request);

    /** Writes an error in this service's protocol. */
    SimResponse renderError(SimRequest request, AwsException error);

    /** The error for a request that carries no credentials. */
    AwsException missingAuthentication();

    /** The error for an access key the simulator does not know. */
    AwsException unknownAccessKey(String accessKeyId);

    /** The error an injected fault with this code raises (status and extra members as this service sends them). */
    AwsException faultError(String code, String message, Long retryAfterSeconds);
}
