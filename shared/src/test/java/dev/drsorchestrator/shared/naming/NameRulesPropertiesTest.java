package dev.drsorchestrator.shared.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NameRulesPropertiesTest {

    /** Names from ASCII, Latin-1, Latin Extended, Greek, Cyrillic, full-width forms and ligatures. */
    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00C0', '\u024F')
                .withCharRange('\u0370', '\u03FF')
                .withCharRange('\u0400', '\u04FF')
                .withCharRange('\uFF01', '\uFF5E')
                .withChars('ß', 'ﬁ', 'ﬀ', 'ǅ', 'ς')
                .ofMinLength(1).ofMaxLength(30);
    }

    @Property
    void uniquenessKey_shouldCollide_whenNameIsAnyCaseVariationOfItself(@ForAll("names") String name,
                                                                         @ForAll long seed) {
        // GIVEN an acceptable name and a random per-character case variation of it, with extra blanks around
        Assume.that(!name.isBlank());
        Random random = new Random(seed);
        StringBuilder variant = new StringBuilder("  ");
        name.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            int choice = random.nextInt(3);
            variant.append(choice == 0 ? ch.toUpperCase(Locale.ROOT)
                    : choice == 1 ? ch.toLowerCase(Locale.ROOT) : ch);
        });
        variant.append(' ');

        // WHEN both are keyed THEN they collide, and the key is stable
        assertThat(NameRules.uniquenessKey(variant.toString())).isEqualTo(NameRules.uniquenessKey(name));
        assertThat(NameRules.sameName(name, name.toUpperCase(Locale.ROOT))).isTrue();
        assertThat(NameRules.sameName(name, name.toLowerCase(Locale.ROOT))).isTrue();
        String key = NameRules.uniquenessKey(name);
        assertThat(NameRules.uniquenessKey(key)).isEqualTo(key);
    }
}
