package dev.drsorchestrator.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class CognitoGroupsTest {

    @Test
    void parse_shouldReturnOneGroup_whenSingleName() {
        assertThat(CognitoGroups.parse("Admin")).containsExactly("Admin");
    }

    @Test
    void parse_shouldSplit_whenCommaSeparated() {
        assertThat(CognitoGroups.parse("Admin,Operator")).containsExactly("Admin", "Operator");
    }

    @Test
    void parse_shouldSplit_whenBracketedSpaceSeparated() {
        assertThat(CognitoGroups.parse("[Admin Operator]")).containsExactly("Admin", "Operator");
    }

    @Test
    void parse_shouldReturnNothing_whenNullBlankOrEmptyBrackets() {
        assertThat(CognitoGroups.parse((String) null)).isEmpty();
        assertThat(CognitoGroups.parse("  ")).isEmpty();
        assertThat(CognitoGroups.parse("[]")).isEmpty();
    }

    @Test
    void parse_shouldReadArray_whenClaimIsJsonArray() {
        var array = JsonNodeFactory.instance.arrayNode().add("Viewer").add("Auditor").add(5);
        assertThat(CognitoGroups.parse(array)).containsExactly("Viewer", "Auditor");
    }

    @Test
    void parse_shouldReturnNothing_whenClaimIsNumber() {
        assertThat(CognitoGroups.parse(JsonNodeFactory.instance.numberNode(3))).isEmpty();
    }
}
