package dev.drsorchestrator.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViolationTest {

    @Test
    void constructor_shouldKeepComponents_whenAllGiven() {
        // GIVEN a complete violation WHEN built THEN its parts are kept
        Violation violation = new Violation("waves[0].waveName", "required", "waves[0].waveName must not be blank");

        assertThat(violation.field()).isEqualTo("waves[0].waveName");
        assertThat(violation.rule()).isEqualTo("required");
    }

    @Test
    void constructor_shouldThrow_whenAComponentIsBlank() {
        // GIVEN a violation nobody could locate or explain WHEN built THEN refused
        assertThatThrownBy(() -> new Violation(" ", "rule", "message")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Violation("field", "", "message")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Violation("field", "rule", null)).isInstanceOf(NullPointerException.class);
    }
}
