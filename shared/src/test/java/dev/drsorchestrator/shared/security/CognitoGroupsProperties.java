package dev.drsorchestrator.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CognitoGroupsProperties {

    @Provide
    Arbitrary<List<String>> groupLists() {
        return Arbitraries.strings().withChars("abcdefXYZ0189_-.").ofMinLength(1).ofMaxLength(20)
                .list().uniqueElements().ofMaxSize(6);
    }

    @Property
    void parse_shouldAgree_whenSameGroupsInAllThreeEncodings(@ForAll("groupLists") List<String> groups) {
        List<String> commas = CognitoGroups.parse(String.join(",", groups));
        List<String> brackets = CognitoGroups.parse("[" + String.join(" ", groups) + "]");
        assertThat(commas).isEqualTo(groups);
        assertThat(brackets).isEqualTo(groups);
        if (groups.size() == 1) {
            assertThat(CognitoGroups.parse(groups.get(0))).isEqualTo(groups);
        }
    }
}
