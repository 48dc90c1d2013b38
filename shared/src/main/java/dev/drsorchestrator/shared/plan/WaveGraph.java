package dev.drsorchestrator.shared.plan;

import dev.drsorchestrator.shared.naming.NameRules;
import dev.drsorchestrator.shared.rules.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates the ordered waves of a recovery plan so that every execution can run them front to back: names are
 * present and unique, every wave recovers at least one protection group, and {@code dependsOnWaves} (wave numbers,
 * as the original's {@code Wave} type has them) only names waves listed earlier. Backward-only dependencies make a
 * cycle impossible, so no separate cycle search is needed and the error points at the exact forward reference.
 *
 * <p>Violations name the field as {@code waves[i].dependsOnWaves[j]}, where {@code i} is the position in the list.
 */
public final class WaveGraph {

    private WaveGraph() {
    }

    /**
     * Validates waves as decoded from a request body: types first, then the ordering rules.
     *
     * @param wavesJson the value of the {@code waves} field (a list of maps), possibly null or of the wrong type
     * @return every violation found; empty when the plan is valid
     */
    public static List<Violation> validate(Object wavesJson) {
        WaveJson.Parsed parsed = WaveJson.parse(wavesJson);
        List<Violation> violations = new ArrayList<>(parsed.violations());
        if (wavesJson instanceof List<?> list && list.isEmpty()) {
            violations.add(new Violation("waves", "minItems", "a recovery plan needs at least one wave"));
        }
        if (violations.isEmpty()) {
            violations.addAll(check(parsed.waves()));
        }
        return List.copyOf(violations);
    }

    /**
     * Checks typed waves in plan order.
     *
     * @return every violation found; empty when the waves are valid
     */
    public static List<Violation> check(List<PlanWave> waves) {
        Objects.requireNonNull(waves, "waves");
        List<Violation> violations = new ArrayList<>();
        if (waves.isEmpty()) {
            violations.add(new Violation("waves", "minItems", "a recovery plan needs at least one wave"));
        }
        Map<String, Integer> nameIndex = new HashMap<>();
        Map<Integer, Integer> numberIndex = new HashMap<>();
        for (int i = 0; i < waves.size(); i++) {
            PlanWave wave = Objects.requireNonNull(waves.get(i), "wave");
            String path = "waves[" + i + "]";
            checkName(path, i, wave, nameIndex, violations);
            checkGroups(path, wave, violations);
            Integer sameNumber = numberIndex.putIfAbsent(wave.waveNumber(), i);
            if (sameNumber != null) {
                violations.add(new Violation(path + ".waveNumber", "unique", path + ".waveNumber "
                        + wave.waveNumber() + " is already used by waves[" + sameNumber + "]"));
            }
        }
        for (int i = 0; i < waves.size(); i++) {
            checkDependencies(i, waves.get(i), numberIndex, violations);
        }
        return List.copyOf(violations);
    }

    private static void checkName(String path, int i, PlanWave wave, Map<String, Integer> nameIndex,
                                  List<Violation> violations) {
        if (wave.waveName() == null || wave.waveName().isBlank()) {
            violations.add(new Violation(path + ".waveName", "required", path + ".waveName must not be blank"));
            return;
        }
        Integer earlier = nameIndex.putIfAbsent(NameRules.uniquenessKey(wave.waveName()), i);
        if (earlier != null) {
            violations.add(new Violation(path + ".waveName", "unique", path + ".waveName '" + wave.waveName().trim()
                    + "' is already used by waves[" + earlier + "] (names are compared ignoring case)"));
        }
    }

    private static void checkGroups(String path, PlanWave wave, List<Violation> violations) {
        if (wave.protectionGroupIds().isEmpty()) {
            violations.add(new Violation(path + ".protectionGroupIds", "minItems",
                    path + ".protectionGroupIds must name at least one protection group"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < wave.protectionGroupIds().size(); j++) {
            String id = wave.protectionGroupIds().get(j);
            String field = path + ".protectionGroupIds[" + j + "]";
            if (id == null || id.isBlank()) {
                violations.add(new Violation(field, "required", field + " must not be blank"));
            } else if (!seen.add(id)) {
                violations.add(new Violation(field, "unique", field + " repeats protection group " + id));
            }
        }
    }

    private static void checkDependencies(int i, PlanWave wave, Map<Integer, Integer> numberIndex,
                                          List<Violation> violations) {
        Set<Integer> seen = new HashSet<>();
        for (int j = 0; j < wave.dependsOnWaves().size(); j++) {
            Integer dependency = wave.dependsOnWaves().get(j);
            String field = "waves[" + i + "].dependsOnWaves[" + j + "]";
            if (dependency == null) {
                violations.add(new Violation(field, "required", field + " must be a wave number"));
                continue;
            }
            Integer target = numberIndex.get(dependency);
            if (dependency == wave.waveNumber()) {
                violations.add(new Violation(field, "noSelfDependency", field + ": a wave cannot depend on itself"));
            } else if (target == null) {
                violations.add(new Violation(field, "knownWave", field + " names wave " + dependency
                        + ", which is not in this plan"));
            } else if (target > i) {
                violations.add(new Violation(field, "earlierWave", field + " names wave " + dependency
                        + ", which comes later in the plan; a wave can only depend on earlier waves"));
            } else if (!seen.add(dependency)) {
                violations.add(new Violation(field, "unique", field + " repeats wave " + dependency));
            }
        }
    }
}
