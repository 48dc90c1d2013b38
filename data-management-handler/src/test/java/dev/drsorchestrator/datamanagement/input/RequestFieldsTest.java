package dev.drsorchestrator.datamanagement.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestFieldsTest {

    private static ObjectNode body(Map<String, ?> fields) {
        return Json.mapper().valueToTree(fields);
    }

    @ParameterizedTest
    @ValueSource(strings = {"groupId", "createdBy", "createdAt", "updatedBy", "updatedAt", "lastModifiedBy",
            "createdDate", "lastModifiedDate"})
    void of_shouldRefuseNamingTheField_whenAServerManagedFieldIsSent(String field) {
        // GIVEN
        ObjectNode node = body(Map.of("groupName", "Web", field, "x"));
        // WHEN / THEN
        assertThatThrownBy(() -> RequestFields.of(node))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Field '" + field + "' is managed by the server and cannot be set");
    }

    @Test
    void of_shouldIgnoreUnknownFields_whenTheFrontendSendsDisplayFields() {
        // GIVEN
        RequestFields fields = RequestFields.of(body(Map.of("groupName", "Web", "serverCount", 3)));
        // WHEN
        String name = fields.requiredString("groupName");
        // THEN
        assertThat(name).isEqualTo("Web");
        assertThat(fields.has("serverCount")).isTrue();
    }

    @Test
    void string_shouldRefuseNamingTheField_whenTheTypeIsWrong() {
        // GIVEN
        RequestFields fields = RequestFields.of(body(Map.of("groupName", 42)));
        // WHEN / THEN
        assertThatThrownBy(() -> fields.string("groupName")).hasMessage("Field 'groupName' must be a string");
    }

    @Test
    void version_shouldRefuse_whenNotAPositiveInteger() {
        // GIVEN
        RequestFields fields = RequestFields.of(body(Map.of("version", "1")));
        // WHEN / THEN
        assertThatThrownBy(fields::version).hasMessageStartingWith("Field 'version' must be a positive integer");
    }

    @Test
    void tags_shouldRefuseNamingTheTag_whenAValueIsNotAString() {
        // GIVEN
        RequestFields fields = RequestFields.of(body(Map.of("tags", Map.of("App", List.of("x")))));
        // WHEN / THEN
        assertThatThrownBy(() -> fields.tags("tags")).hasMessage("Field 'tags.App' must be a string");
    }

    @Test
    void string_shouldKeepInjectionTextAsData_whenItIsAString() {
        // GIVEN
        String injection = "x'; DROP TABLE groups; -- #name :v ${jndi:ldap://e}";
        RequestFields fields = RequestFields.of(body(Map.of("description", injection)));
        // WHEN
        String value = fields.text("description", 1024).orElseThrow();
        // THEN
        assertThat(value).isEqualTo(injection);
    }

    @Test
    void nested_shouldNameThePath_whenAnItemCarriesAServerManagedField() {
        // GIVEN
        ObjectNode item = body(Map.of("planId", "p-1"));
        // WHEN / THEN
        assertThatThrownBy(() -> RequestFields.nested("config.recoveryPlans[0]", item))
                .hasMessage("Field 'config.recoveryPlans[0].planId' is managed by the server and cannot be set");
    }
}
