package dev.drsorchestrator.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRuntimeOptionsTest {

    @Test
    void parse_shouldApplyOptionsOverDefaults() {
        LocalRuntimeOptions o = LocalRuntimeOptions.parse(List.of("--api-port", "9090", "--time-factor", "60",
                "--scenario", "s.yaml", "--allowed-origin", "http://localhost:3000"));
        assertThat(o.apiPort()).isEqualTo(9090);
        assertThat(o.awsPort()).isEqualTo(4566);
        assertThat(o.dynamoDbPort()).isEqualTo(8000);
        assertThat(o.timeFactor()).isEqualTo(60);
        assertThat(o.scenarioFile()).isEqualTo(Path.of("s.yaml"));
        assertThat(o.allowedOrigin()).isEqualTo("http://localhost:3000");
        assertThat(o.cfnDir()).isEqualTo(Path.of("cfn"));
    }

    @Test
    void parse_shouldNameTheBadOption() {
        assertThatThrownBy(() -> LocalRuntimeOptions.parse(List.of("--api-port", "x"))).hasMessageContaining(
                "--api-port must be a whole number");
        assertThatThrownBy(() -> LocalRuntimeOptions.parse(List.of("--aws-port", "70000"))).hasMessageContaining(
                "--aws-port must be between 0 and 65535");
        assertThatThrownBy(() -> LocalRuntimeOptions.parse(List.of("--time-factor", "-1"))).hasMessageContaining(
                "--time-factor");
        assertThatThrownBy(() -> LocalRuntimeOptions.parse(List.of("--verbose", "1"))).hasMessageContaining(
                "unknown option --verbose");
        assertThatThrownBy(() -> LocalRuntimeOptions.parse(List.of("--scenario"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LocalRuntimeOptions.parse(List.of("--api-port", "4566"))).hasMessageContaining(
                "must differ");
        assertThatThrownBy(() -> LocalRuntimeOptions.parse(List.of("--allowed-origin", "localhost:3000")))
                .hasMessageContaining("allowed origin");
    }

    @Test
    void parse_shouldRunTheDemoAtTheDemoTimeFactor_whenDemoIsGivenWithoutATimeFactor() {
        // GIVEN / WHEN --demo alone, then --demo with an explicit time factor and --stay
        LocalRuntimeOptions demo = LocalRuntimeOptions.parse(List.of("--demo", "--api-port", "9090"));
        LocalRuntimeOptions explicit = LocalRuntimeOptions.parse(List.of("--time-factor", "10", "--demo", "--stay"));

        // THEN the demo speeds simulated time up unless told otherwise; the flags take no value
        assertThat(demo.demo()).isTrue();
        assertThat(demo.stay()).isFalse();
        assertThat(demo.apiPort()).isEqualTo(9090);
        assertThat(demo.timeFactor()).isEqualTo(LocalRuntimeOptions.DEMO_TIME_FACTOR);
        assertThat(explicit.timeFactor()).isEqualTo(10);
        assertThat(explicit.stay()).isTrue();
        assertThat(LocalRuntimeOptions.parse(List.of()).demo()).isFalse();
    }

    @Test
    void parse_shouldRefuseStay_whenDemoIsNotGiven() {
        assertThatThrownBy(() -> LocalRuntimeOptions.parse(List.of("--stay"))).hasMessageContaining(
                "--stay only applies with --demo");
    }
}
