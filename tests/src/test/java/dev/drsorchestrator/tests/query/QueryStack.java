package dev.drsorchestrator.tests.query;

import dev.drsorchestrator.local.sim.scenario.Scenarios;
import dev.drsorchestrator.query.QueryHandler;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.Map;

/**
 * What every query integration test reads through: the demo scenario on DynamoDB Local and the simulator with the
 * hub account set, its fixtures, and a query handler over that stack.
 */
record QueryStack(TestStack stack, QueryFixtures fixtures, QueryHandler handler) implements AutoCloseable {
    static QueryStack start() {
        TestStack stack = TestStack.start(Scenarios.demo(), Map.of("AWS_ACCOUNT_ID", QueryFixtures.HUB));
        return new QueryStack(stack, new QueryFixtures(stack), new QueryHandler(stack.core()));
    }

    @Override
    public void close() {
        stack.close();
    }
}
