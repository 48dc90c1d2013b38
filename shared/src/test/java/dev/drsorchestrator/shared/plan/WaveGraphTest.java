package dev.drsorchestrator.shared.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.drsorchestrator.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaveGraphTest {

    private static Map<String, Object> wave(int number, String name, List<?> dependsOn) {
        Map<String, Object> wave = new HashMap<>();
        wave.put("waveNumber", number);
        wave.put("waveName", name);
        wave.put("protectionGroupIds", List.of("pg-" + number));
        wave.put("dependsOnWaves", dependsOn);
        wave.put("pauseBeforeWave", false);
        return wave;
    }

    @Test
    void validate_shouldAccept_whenDependenciesPointBackwards() {
        // GIVEN three waves, the later ones depending on earlier ones
        List<Map<String, Object>> waves = List.of(wave(0, "Database", List.of()), wave(1, "App", List.of(0)),
                wave(2, "Web", List.of(0, 1)));

        // WHEN / THEN valid
        assertThat(WaveGraph.validate(waves)).isEmpty();
    }

    @Test
    void validate_shouldNameTheForwardReference_whenWaveDependsOnLaterWave() {
        // GIVEN wave 0 depending on wave 1 (which also depends on it: a cycle)
        List<Map<String, Object>> waves = List.of(wave(0, "Database", List.of(1)), wave(1, "App", List.of(0)));

        // WHEN validated
        List<Violation> violations = WaveGraph.validate(waves);

        // THEN the forward reference is reported at its exact position
        assertThat(violations).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("waves[0].dependsOnWaves[0]", "earlierWave"));
    }

    @Test
    void validate_shouldReport_whenDependencyIsSelfUnknownOrRepeated() {
        // GIVEN a self reference, an unknown wave and a repeat
        List<Map<String, Object>> waves = List.of(wave(0, "A", List.of()), wave(1, "B", List.of(1, 7, 0, 0)));

        // WHEN / THEN each is named
        assertThat(WaveGraph.validate(waves)).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("waves[1].dependsOnWaves[0]", "noSelfDependency"),
                tuple("waves[1].dependsOnWaves[1]", "knownWave"),
                tuple("waves[1].dependsOnWaves[3]", "unique"));
    }

    @Test
    void validate_shouldReport_whenNamesAreBlankOrCollideIgnoringCase() {
        // GIVEN a blank name and two names differing only in case and blanks
        List<Map<String, Object>> waves = List.of(wave(0, "Web Tier", List.of()), wave(1, " web tier ", List.of()),
                wave(2, "  ", List.of()));

        // WHEN / THEN both are reported
        assertThat(WaveGraph.validate(waves)).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("waves[1].waveName", "unique"), tuple("waves[2].waveName", "required"));
    }

    @Test
    void validate_shouldReport_whenWaveHasNoProtectionGroup() {
        // GIVEN waves with no, an empty or a repeated protection group list
        Map<String, Object> none = wave(0, "A", List.of());
        none.remove("protectionGroupIds");
        Map<String, Object> empty = wave(1, "B", List.of());
        empty.put("protectionGroupIds", List.of());
        Map<String, Object> repeated = wave(2, "C", List.of());
        repeated.put("protectionGroupIds", List.of("pg-1", "pg-1", ""));

        // WHEN / THEN each is reported
        assertThat(WaveGraph.validate(List.of(none, empty, repeated))).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("waves[0].protectionGroupIds", "minItems"),
                        tuple("waves[1].protectionGroupIds", "minItems"),
                        tuple("waves[2].protectionGroupIds[1]", "unique"),
                        tuple("waves[2].protectionGroupIds[2]", "required"));
    }

    @Test
    void validate_shouldAcceptLegacySingleGroup_whenProtectionGroupIdIsGiven() {
        // GIVEN the deprecated single protectionGroupId field
        Map<String, Object> legacy = wave(0, "A", List.of());
        legacy.remove("protectionGroupIds");
        legacy.put("protectionGroupId", "pg-legacy");

        // WHEN / THEN accepted
        assertThat(WaveGraph.validate(List.of(legacy))).isEmpty();
    }

    @Test
    void validate_shouldReportTypes_whenFieldsHaveWrongJsonTypes() {
        // GIVEN wrong types for every checked field
        Map<String, Object> bad = new HashMap<>();
        bad.put("waveNumber", "one");
        bad.put("waveName", 5);
        bad.put("protectionGroupIds", "pg-1");
        bad.put("dependsOnWaves", Arrays.asList(0.5, null));
        bad.put("pauseBeforeWave", "yes");

        // WHEN validated
        List<Violation> violations = WaveGraph.validate(List.of(bad, "not a wave"));

        // THEN each field is named with the type rule
        assertThat(violations).extracting(Violation::field).containsExactly("waves[0].waveNumber",
                "waves[0].waveName", "waves[0].protectionGroupIds", "waves[0].dependsOnWaves[0]",
                "waves[0].dependsOnWaves[1]", "waves[0].pauseBeforeWave", "waves[1]");
        assertThat(violations).extracting(Violation::rule).containsOnly("type");
    }

    @Test
    void validate_shouldAcceptAnyIntegralNumberType_whenDecodedFromJsonOrDynamoDb() {
        // GIVEN wave numbers as Long and BigDecimal, as different decoders produce them
        Map<String, Object> first = wave(0, "A", List.of());
        first.put("waveNumber", new BigDecimal("0"));
        Map<String, Object> second = wave(1, "B", List.of(new BigDecimal("0.0")));
        second.put("waveNumber", 1L);

        // WHEN / THEN accepted
        assertThat(WaveGraph.validate(List.of(first, second))).isEmpty();
    }

    @Test
    void validate_shouldDefaultWaveNumberToPosition_whenMissing() {
        // GIVEN waves without numbers, the second depending on the first by position
        Map<String, Object> first = wave(0, "A", List.of());
        first.remove("waveNumber");
        Map<String, Object> second = wave(0, "B", List.of(0));
        second.remove("waveNumber");

        // WHEN / THEN accepted
        assertThat(WaveGraph.validate(List.of(first, second))).isEmpty();
    }

    @Test
    void validate_shouldReport_whenWavesAreMissingEmptyOrNotAList() {
        // GIVEN no waves WHEN / THEN the waves field is named
        assertThat(WaveGraph.validate(List.of())).extracting(Violation::rule).containsExactly("minItems");
        assertThat(WaveGraph.validate(null)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("waves", "type"));
        assertThat(WaveGraph.validate(Map.of())).extracting(Violation::rule).containsExactly("type");
    }

    @Test
    void check_shouldReport_whenWaveNumbersRepeat() {
        // GIVEN two waves with the same number
        List<PlanWave> waves = List.of(new PlanWave(1, "A", List.of("pg-1"), List.of(), false),
                new PlanWave(1, "B", List.of("pg-2"), List.of(), true));

        // WHEN / THEN the second is named
        assertThat(WaveGraph.check(waves)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("waves[1].waveNumber", "unique"));
    }

    @Test
    void planWave_shouldNotChange_whenCallerMutatesItsLists() {
        // GIVEN a wave built from mutable lists
        List<String> groups = new ArrayList<>(List.of("pg-1"));
        PlanWave wave = new PlanWave(0, "A", groups, new ArrayList<>(), false);

        // WHEN the caller changes the list THEN the wave is unaffected
        groups.clear();
        assertThat(wave.protectionGroupIds()).containsExactly("pg-1");
    }
}
