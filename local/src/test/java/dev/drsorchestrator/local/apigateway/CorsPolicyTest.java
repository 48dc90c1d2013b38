package dev.drsorchestrator.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    @Test
    void anyLocalhost_shouldEchoLoopbackOrigins_only() {
        CorsPolicy policy = new CorsPolicy(CorsPolicy.ANY_LOCALHOST);
        assertThat(policy.allowOrigin("http://localhost:3000")).hasValue("http://localhost:3000");
        assertThat(policy.allowOrigin("https://127.0.0.1:5173")).hasValue("https://127.0.0.1:5173");
        assertThat(policy.allowOrigin("http://localhost.evil.com")).isEmpty();
        assertThat(policy.allowOrigin("https://example.com")).isEmpty();
        assertThat(policy.allowOrigin("null")).isEmpty();
        assertThat(policy.allowOrigin(null)).isEmpty();
    }

    @Test
    void configuredOrigin_shouldBeTheOnlyOneAllowed() {
        CorsPolicy policy = new CorsPolicy("https://console.example.com");
        assertThat(policy.allowOrigin("https://console.example.com")).hasValue("https://console.example.com");
        assertThat(policy.allowOrigin("http://localhost:3000")).isEmpty();
        assertThat(policy.handlerOrigin()).isEqualTo("https://console.example.com");
        assertThat(new CorsPolicy("*").allowOrigin("https://anything.example")).hasValue("*");
    }

    @Test
    void constructor_shouldRefuseValuesThatAreNotOrigins() {
        assertThatThrownBy(() -> new CorsPolicy("https://example.com/app")).hasMessageContaining("no path");
        assertThatThrownBy(() -> new CorsPolicy("ftp://example.com")).hasMessageContaining("scheme");
        assertThatThrownBy(() -> new CorsPolicy(" ")).hasMessageContaining("localhost");
    }
}
