package dev.drsorchestrator.datamanagement.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.naming.NameRules;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class GroupNamesPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars(' ', '-', '_')
                .ofMinLength(3).ofMaxLength(128).filter(s -> s.trim().length() >= 3);
    }

    @Property
    void uniquenessKey_shouldMatchEveryCaseVariation_whenANameWasAccepted(@ForAll("names") String name,
            @ForAll long seed) {
        // GIVEN a name accepted once, recorded by its uniqueness key
        Set<String> taken = new HashSet<>();
        taken.add(NameRules.uniquenessKey(GroupNames.validate("groupName", name)));
        // WHEN a case variation of it is offered
        java.util.Random random = new java.util.Random(seed);
        StringBuilder variant = new StringBuilder();
        for (char c : name.toCharArray()) {
            variant.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        // THEN it is a duplicate
        assertThat(taken).contains(NameRules.uniquenessKey(GroupNames.validate("groupName", variant.toString())));
        assertThat(taken).contains(NameRules.uniquenessKey(name.toUpperCase(Locale.ROOT)));
    }

    @Property
    void validate_shouldRefuseNamingTheRule_whenShorterThanThree(@ForAll @IntRange(min = 0, max = 2) int length) {
        // GIVEN
        String name = "x".repeat(length);
        // WHEN / THEN
        assertThatThrownBy(() -> GroupNames.validate("groupName", name)).hasMessageStartingWith("Field 'groupName'");
    }

    @Property
    void validate_shouldRefuse_whenLongerThan128(@ForAll @IntRange(min = 129, max = 400) int length) {
        // GIVEN
        String name = "n".repeat(length);
        // WHEN / THEN
        assertThatThrownBy(() -> GroupNames.validate("groupName", name))
                .hasMessageContaining("must be 3-128 characters");
    }
}
