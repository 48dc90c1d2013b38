package dev.drsorchestrator.local.bench;

import dev.drsorchestrator.local.dynamodb.LocalDynamoDb;
import dev.drsorchestrator.local.dynamodb.TableCreator;
import dev.drsorchestrator.local.sim.Simulator;
import dev.drsorchestrator.local.sim.SimulatorOptions;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What scripts/bench-coldstart.sh measures handlers against: DynamoDB Local with the tables of cfn/ and the
 * simulator, both on loopback. Prints one line of environment assignments for the handler processes, then serves
 * until its standard input closes.
 */
public final class ColdStartBackend {
    private ColdStartBackend() {
    }

    /** Starts both backends; the benchmark reads the printed {@code KEY=value} line. */
    public static void main(String[] args) throws IOException {
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start();
             Simulator simulator = Simulator.start(new SimulatorOptions(0, Scenarios.demo(), 1.0, 64))) {
            Map<String, String> tables;
            try (DynamoDbClient client = dynamoDb.client()) {
                tables = TableCreator.createAll(client, "bench");
            }
            StringBuilder line = new StringBuilder("BENCH_ENV ");
            line.append("AWS_ENDPOINT_URL=").append(simulator.endpoint());
            line.append(" AWS_ENDPOINT_URL_DYNAMODB=").append(dynamoDb.endpoint());
            tables.forEach((variable, name) -> line.append(' ').append(variable).append('=').append(name));
            System.out.println(line);
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                continue;
            }
        }
        // DynamoDB Local leaves a non-daemon shard-rollover thread sleeping for minutes after it is closed; without
        // this the benchmark script waited for it long after printing its result.
        System.exit(0);
    }
}
