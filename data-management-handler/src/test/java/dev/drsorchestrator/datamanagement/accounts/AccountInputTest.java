package dev.drsorchestrator.datamanagement.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountInputTest {
    private static final String ACCOUNT = "222222222222";

    private static Optional<String> role(String value) {
        ObjectNode body = Json.mapper().createObjectNode().put("roleName", value);
        return AccountInput.role(RequestFields.of(body), "roleName", ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DRSOrchestrationRole", "arn:aws:iam::222222222222:role/DRSOrchestrationRole",
            "arn:aws:iam::222222222222:role/service/dr/DRSOrchestrationRole", "arn:aws-us-gov:iam::222222222222:role/r"})
    void role_shouldAcceptNameOrArnInTheAccount_whenWellFormed(String value) {
        // GIVEN a role name or an ARN (with or without a path) in the account WHEN read THEN it is kept as given
        assertThat(role(value)).contains(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::222222222222:role/", "arn:aws:iam::222222222222:role//name",
            "arn:aws:iam::222222222222:role/path/", "bad role name",
            "arn:aws:iam::222222222222:role/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void role_shouldRejectWithFieldName_whenMalformed(String value) {
        // GIVEN an empty path segment, a missing name, spaces or a 65-character name WHEN read THEN a 400 names the field
        assertThatThrownBy(() -> role(value)).isInstanceOf(ValidationException.class).hasMessageContaining("roleName");
    }

    @Test
    void role_shouldRejectNamingBothAccounts_whenArnIsInAnotherAccount() {
        // GIVEN a role ARN of another account WHEN read THEN the 400 names both accounts
        assertThatThrownBy(() -> role("arn:aws:iam::333333333333:role/DRSOrchestrationRole"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("333333333333")
                .hasMessageContaining(ACCOUNT);
    }

    @Test
    void role_shouldAnswerQuickly_whenInputIsAdversarial() {
        // GIVEN a long run of path characters with no valid ending (the shape that makes nested quantifiers backtrack)
        String value = "arn:aws:iam::222222222222:role/" + "a/".repeat(280) + "!";
        // WHEN read THEN it is rejected (the flat pattern matches in linear time; a backtracking one would not return)
        assertThatThrownBy(() -> role(value)).isInstanceOf(ValidationException.class);
    }
}
