package dev.drsorchestrator.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.local.lambda.HandlerRegistry;
import dev.drsorchestrator.local.stepfunctions.LambdaResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerInvokerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void invoke_shouldPassTheEventAndReturnTheResult_whenCalledByArn() throws Exception {
        // GIVEN a handler that echoes its event under "got"
        HandlerInvoker invoker = new HandlerInvoker(HandlerRegistry.of(Map.of(), "us-east-1", "111111111111"));
        invoker.register("echo", (in, out, context) -> out.write(("{\"got\":" + new String(in.readAllBytes(),
                StandardCharsets.UTF_8) + ",\"fn\":\"" + context.getFunctionName() + "\"}")
                .getBytes(StandardCharsets.UTF_8)));

        // WHEN it is invoked by its ARN with a qualifier
        LambdaResult result = invoker.invoke(invoker.functionArn("echo") + ":$LATEST", json("{\"a\":1}"));

        // THEN the function got the event and its JSON result is the task result
        assertThat(result).isEqualTo(new LambdaResult.Success(json("{\"got\":{\"a\":1},\"fn\":\"echo\"}")));
        assertThat(invoker.functionArn("echo")).isEqualTo("arn:aws:lambda:us-east-1:111111111111:function:echo");
        assertThat(invoker.invocations("echo")).isEqualTo(1);
    }

    @Test
    void invoke_shouldReportTheExceptionClassAsErrorType_whenTheHandlerThrows() throws Exception {
        // GIVEN a handler that throws
        HandlerInvoker invoker = new HandlerInvoker(HandlerRegistry.of(Map.of(), "us-east-1", "111111111111"));
        invoker.register("boom", (in, out, context) -> {
            throw new IllegalStateException("broken");
        });

        // WHEN invoked THEN the error name is the class name, as the Java runtime reports errorType
        assertThat(invoker.invoke("boom", json("{}")))
                .isEqualTo(new LambdaResult.FunctionError("java.lang.IllegalStateException", "broken"));
        assertThat(invoker.invoke("missing", json("{}"))).isInstanceOfSatisfying(LambdaResult.FunctionError.class,
                e -> assertThat(e.errorType()).isEqualTo("Lambda.ResourceNotFoundException"));
    }

    @Test
    void invoke_shouldFailExactlyTheInjectedNumberOfTimes_whenAFaultIsInjected() throws Exception {
        // GIVEN a working handler with two injected service errors
        HandlerInvoker invoker = new HandlerInvoker(HandlerRegistry.of(Map.of(), "us-east-1", "111111111111"));
        invoker.register("ok", (in, out, context) -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        invoker.failNext("ok", 2, "Lambda.ServiceException");

        // WHEN invoked three times THEN two service errors, then success
        assertThat(invoker.invoke("ok", json("{}"))).isInstanceOf(LambdaResult.FunctionError.class);
        assertThat(invoker.invoke("ok", json("{}"))).isInstanceOfSatisfying(LambdaResult.FunctionError.class,
                e -> assertThat(e.errorType()).isEqualTo("Lambda.ServiceException"));
        assertThat(invoker.invoke("ok", json("{}"))).isInstanceOf(LambdaResult.Success.class);
        assertThat(invoker.invocations("ok")).isEqualTo(3);
    }
}
