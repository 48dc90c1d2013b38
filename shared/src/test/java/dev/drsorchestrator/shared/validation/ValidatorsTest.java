package dev.drsorchestrator.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void serverId_shouldAccept_whenSeventeenLowercaseHexDigits() {
        assertThat(Validators.serverId("serverId", "s-1234567890abcdef0")).isEqualTo("s-1234567890abcdef0");
    }

    @Test
    void serverId_shouldRejectNamingFieldAndRule_whenMalformed() {
        for (String bad : new String[] {"s-1234567890ABCDEF0", "s-1234567890abcdef", "i-1234567890abcdef0", ""}) {
            assertThatThrownBy(() -> Validators.serverId("sourceServerId", bad))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("Field 'sourceServerId' must be a DRS source server id (s- followed by 17 hex digits)");
        }
    }

    @Test
    void accountId_shouldRejectNamingRule_whenNotTwelveDigits() {
        assertThat(Validators.accountId("accountId", "123456789012")).isEqualTo("123456789012");
        assertThatThrownBy(() -> Validators.accountId("accountId", "12345678901a"))
                .hasMessage("Field 'accountId' must be a 12-digit AWS account id");
        assertThatThrownBy(() -> Validators.accountId("accountId", null)).hasMessage("Field 'accountId' is required");
    }

    @Test
    void region_shouldUseTheOneDrsList_whenValidating() {
        assertThat(Validators.region("region", "us-east-2")).isEqualTo("us-east-2");
        assertThatThrownBy(() -> Validators.region("region", "mars-north-1"))
                .hasMessage("Field 'region' must be a region where DRS is available");
        assertThat(DrsRegions.ALL).doesNotHaveDuplicates().allMatch(DrsRegions::contains);
    }

    @Test
    void name_shouldStripControlCharactersSilently_whenPresent() {
        assertThat(Validators.name("name", " Web\u0000 tier\u0007 ", 256)).isEqualTo("Web tier");
    }

    @Test
    void name_shouldReject_whenBlankOrTooLong() {
        assertThatThrownBy(() -> Validators.name("groupName", "\u0001 ", 256))
                .hasMessage("Field 'groupName' must not be blank");
        assertThatThrownBy(() -> Validators.name("groupName", "x".repeat(257), 256))
                .hasMessage("Field 'groupName' must be at most 256 characters");
    }

    @Test
    void tags_shouldRejectNamingRule_whenKeyOrValueBreaksLimits() {
        Map<String, String> tooLongValue = Map.of("Env", "v".repeat(257));
        assertThatThrownBy(() -> Validators.tags("tags", tooLongValue))
                .hasMessage("Field 'tags' has a tag value longer than 256 characters");
        assertThatThrownBy(() -> Validators.tags("tags", Map.of("bad<key>", "v")))
                .hasMessageStartingWith("Field 'tags' has a tag key that is not 1-128 characters");
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> Validators.tags("tags", many)).hasMessage("Field 'tags' must hold at most 50 tags");
        assertThat(Validators.tags("tags", Map.of("DR-Tier", "gold"))).containsEntry("DR-Tier", "gold");
    }

    @Test
    void check_shouldRejectNamingPath_whenStringLongerThanLimit() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("group").put("description", "x".repeat(1_048_576));
        assertThatThrownBy(() -> InputLimits.check("body", body))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Field 'body.group.description' must be at most 65536 characters");
    }

    @Test
    void check_shouldReject_whenNestedTooDeep() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode node = root;
        for (int i = 0; i < 40; i++) {
            node = node.putObject("a");
        }
        assertThatThrownBy(() -> InputLimits.check("body", root)).hasMessageContaining("nested deeper than 32 levels");
    }
}
