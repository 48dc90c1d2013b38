package dev.drsorchestrator.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerRegistryTest {
    private final RequestStreamHandler echo = (in, out, context) -> {
        out.write(("{\"function\":\"" + context.getFunctionName() + "\",\"arn\":\"" + context.getInvokedFunctionArn()
                + "\",\"id\":\"" + context.getAwsRequestId() + "\"}").getBytes(StandardCharsets.UTF_8));
    };
    private final RequestStreamHandler failing = (in, out, context) -> {
        throw new IllegalStateException("boom");
    };
    private final HandlerRegistry registry = HandlerRegistry.of(Map.of("query-handler", echo,
            "data-management-handler", failing), "us-east-1", "111111111111");

    @Test
    void resolve_shouldAcceptNamesPartialAndFullArnsQualifiersAndDeployedNames() {
        assertThat(registry.resolve("query-handler")).hasValue("query-handler");
        assertThat(registry.resolve("query-handler:$LATEST")).hasValue("query-handler");
        assertThat(registry.resolve("111111111111:function:query-handler")).hasValue("query-handler");
        assertThat(registry.resolve("arn:aws:lambda:us-east-1:111111111111:function:query-handler:live"))
                .hasValue("query-handler");
        assertThat(registry.resolve("arn:aws:lambda:us-east-1:111111111111:function:drs-orchestrator-query-handler-dev"))
                .hasValue("query-handler");
        assertThat(registry.resolve("drs-data-management-handler")).hasValue("data-management-handler");
        assertThat(registry.resolve("execution-handler")).isEmpty();
        assertThat(registry.resolve("myquery-handlerx")).isEmpty();
        assertThat(registry.resolve("arn:aws:sns:us-east-1:1:topic")).isEmpty();
        assertThat(registry.resolve(null)).isEmpty();
    }

    @Test
    void invoke_shouldRunHandlerWithLambdaContext_andReportThrownErrors() {
        InvocationOutcome ok = registry.invoke("query-handler", "{}".getBytes(StandardCharsets.UTF_8), "req-9");
        assertThat(ok).isInstanceOfSatisfying(InvocationOutcome.Returned.class, r ->
                assertThat(new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"function\":\"query-handler\","
                        + "\"arn\":\"arn:aws:lambda:us-east-1:111111111111:function:query-handler\",\"id\":\"req-9\"}"));
        InvocationOutcome failed = registry.invoke("data-management-handler", new byte[0], "req-10");
        assertThat(failed).isEqualTo(new InvocationOutcome.Failed("IllegalStateException", "boom"));
        assertThatThrownBy(() -> registry.invoke("nope", new byte[0], "r")).hasMessageContaining("Function not found");
    }

    @Test
    void of_shouldRefuseInvalidFunctionNames() {
        assertThatThrownBy(() -> HandlerRegistry.of(Map.of("bad name", echo), "us-east-1", "1"))
                .hasMessageContaining("function name");
    }
}
