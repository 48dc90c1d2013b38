package dev.drsorchestrator.shared.plan;

import dev.drsorchestrator.shared.rules.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads waves from decoded JSON (maps, lists, strings, numbers, booleans as Jackson or the DynamoDB mapper produce
 * them), reporting every field of the wrong type instead of failing on the first.
 */
final class WaveJson {

    private WaveJson() {
    }

    /** The waves read so far and the type violations found; a wave with a type violation is not returned. */
    record Parsed(List<PlanWave> waves, List<Integer> sourceIndexes, List<Violation> violations) {
    }

    static Parsed parse(Object wavesJson) {
        List<PlanWave> waves = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        if (!(wavesJson instanceof List<?> list)) {
            violations.add(new Violation("waves", "type", "waves must be a list of wave objects"));
            return new Parsed(waves, indexes, violations);
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "waves[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> wave)) {
                violations.add(new Violation(path, "type", path + " must be an object"));
                continue;
            }
            int before = violations.size();
            PlanWave parsed = parseWave(path, i, wave, violations);
            if (violations.size() == before) {
                waves.add(parsed);
                indexes.add(i);
            }
        }
        return new Parsed(waves, indexes, violations);
    }

    private static PlanWave parseWave(String path, int index, Map<?, ?> wave, List<Violation> violations) {
        Object number = wave.get("waveNumber");
        Integer waveNumber = number == null ? Integer.valueOf(index) : asInt(number);
        if (waveNumber == null || waveNumber < 0) {
            violations.add(new Violation(path + ".waveNumber", "type",
                    path + ".waveNumber must be a whole number of 0 or more"));
        }
        Object name = wave.get("waveName");
        if (name != null && !(name instanceof String)) {
            violations.add(new Violation(path + ".waveName", "type", path + ".waveName must be a string"));
        }
        List<String> groups = protectionGroups(path, wave, violations);
        List<Integer> depends = dependencies(path, wave.get("dependsOnWaves"), violations);
        Object pause = wave.get("pauseBeforeWave");
        if (pause != null && !(pause instanceof Boolean)) {
            violations.add(new Violation(path + ".pauseBeforeWave", "type",
                    path + ".pauseBeforeWave must be true or false"));
        }
        return new PlanWave(waveNumber == null ? index : waveNumber, name instanceof String s ? s : null, groups,
                depends, Boolean.TRUE.equals(pause));
    }

    private static List<String> protectionGroups(String path, Map<?, ?> wave, List<Violation> violations) {
        Object ids = wave.get("protectionGroupIds");
        if (ids == null) {
            Object legacy = wave.get("protectionGroupId");
            if (legacy == null) {
                return List.of();
            }
            if (legacy instanceof String single) {
                return List.of(single);
            }
            violations.add(new Violation(path + ".protectionGroupId", "type",
                    path + ".protectionGroupId must be a string"));
            return List.of();
        }
        List<String> groups = new ArrayList<>();
        if (!(ids instanceof List<?> list)) {
            violations.add(new Violation(path + ".protectionGroupIds", "type",
                    path + ".protectionGroupIds must be a list of protection group ids"));
            return groups;
        }
        for (int j = 0; j < list.size(); j++) {
            if (list.get(j) instanceof String id) {
                groups.add(id);
            } else {
                String field = path + ".protectionGroupIds[" + j + "]";
                violations.add(new Violation(field, "type", field + " must be a string"));
            }
        }
        return groups;
    }

    private static List<Integer> dependencies(String path, Object value, List<Violation> violations) {
        List<Integer> depends = new ArrayList<>();
        if (value == null) {
            return depends;
        }
        if (!(value instanceof List<?> list)) {
            violations.add(new Violation(path + ".dependsOnWaves", "type",
                    path + ".dependsOnWaves must be a list of wave numbers"));
            return depends;
        }
        for (int j = 0; j < list.size(); j++) {
            Integer dependency = list.get(j) == null ? null : asInt(list.get(j));
            if (dependency == null) {
                String field = path + ".dependsOnWaves[" + j + "]";
                violations.add(new Violation(field, "type", field + " must be a wave number"));
            } else {
                depends.add(dependency);
            }
        }
        return depends;
    }

    /** An integral number within int range, whatever numeric type the JSON decoder chose; otherwise null. */
    static Integer asInt(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        BigDecimal decimal;
        if (value instanceof Long l) {
            decimal = BigDecimal.valueOf(l);
        } else if (value instanceof BigInteger big) {
            decimal = new BigDecimal(big);
        } else if (value instanceof BigDecimal big) {
            decimal = big;
        } else if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            decimal = BigDecimal.valueOf(((Number) value).doubleValue());
        } else {
            return null;
        }
        try {
            return decimal.intValueExact();
        } catch (ArithmeticException notIntegral) {
            return null;
        }
    }
}
