package dev.drsorchestrator.shared.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

    @ParameterizedTest
    @CsvSource({
        "Web Tier,web tier",
        "'  Web Tier  ',web tier",
        "ＤＢ Ｔｉｅｒ,db tier",
        "STRASSE,strasse",
        "Straße,strasse",
        "ΟΔΟΣ,οδος",
        "οδοσ,οδος",
        "ﬁnance,finance"
    })
    void uniquenessKey_shouldFoldCaseWidthAndBlanks_whenGivenVariants(String name, String key) {
        // GIVEN a name written in a variant form WHEN keyed THEN the folded key comes back
        assertThat(NameRules.uniquenessKey(name)).isEqualTo(key);
    }

    @Test
    void sameName_shouldBeTrue_whenNamesDifferOnlyInCaseOrCompatibilityForm() {
        // GIVEN names that users would consider the same WHEN compared THEN they collide
        assertThat(NameRules.sameName("Payroll DB", "PAYROLL db ")).isTrue();
        assertThat(NameRules.sameName("Ｐａｙｒｏｌｌ", "payroll")).isTrue();
        assertThat(NameRules.sameName("Payroll", "Payrol")).isFalse();
    }

    @Test
    void claimKeys_shouldUseDataModelPrefixes_whenBuilt() {
        // GIVEN a name WHEN claim keys are built THEN they follow docs/data-model.md
        assertThat(NameRules.protectionGroupClaimKey(" Web Tier ")).isEqualTo("pg-name#web tier");
        assertThat(NameRules.recoveryPlanClaimKey("DR Plan")).isEqualTo("plan-name#dr plan");
    }

    @Test
    void uniquenessKey_shouldBeAFixedPoint_whenAppliedTwice() {
        // GIVEN a key WHEN keyed again THEN unchanged
        String key = NameRules.uniquenessKey("Ǆemal İstanbul Straße");
        assertThat(NameRules.uniquenessKey(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000"})
    void uniquenessKey_shouldThrow_whenNameIsBlank(String name) {
        // GIVEN a blank name (validation should have refused it) WHEN / THEN a programming error
        assertThatThrownBy(() -> NameRules.uniquenessKey(name)).isInstanceOf(IllegalArgumentException.class);
    }
}
