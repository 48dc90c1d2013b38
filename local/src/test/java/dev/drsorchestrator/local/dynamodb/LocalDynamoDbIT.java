package dev.drsorchestrator.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class LocalDynamoDbIT {

    @Test
    void start_shouldListenOnTheGivenPort_whenAPortIsGiven() throws IOException {
        // GIVEN a port that is free now
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        // WHEN DynamoDB Local starts there
        try (LocalDynamoDb local = LocalDynamoDb.start(port); DynamoDbClient client = local.client()) {
            // THEN it answers on that port
            assertThat(local.endpoint().toString()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(client.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void shared_shouldBeOneInstanceThatSurvivesClose_whenUsedByManyTests() {
        // GIVEN the shared instance, closed by a careless test
        LocalDynamoDb shared = LocalDynamoDb.shared();
        shared.close();

        // WHEN it is asked for again
        // THEN it is the same server, still answering
        assertThat(LocalDynamoDb.shared()).isSameAs(shared);
        try (DynamoDbClient client = shared.client()) {
            assertThat(client.listTables().tableNames()).isNotNull();
        }
    }

    @Test
    void start_shouldRejectAPortOutOfRange() {
        assertThatThrownBy(() -> LocalDynamoDb.start(70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be between 1 and 65535, got 70000");
    }
}
