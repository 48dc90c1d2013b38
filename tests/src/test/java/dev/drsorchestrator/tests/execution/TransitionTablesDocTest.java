package dev.drsorchestrator.tests.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.execution.WaveStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Keeps the transition tables an operator reads in docs/executions.md in step with the ones the code enforces
 * ({@link ExecutionStatus#allowedTargets()}, {@link WaveStatus#allowedTargets()}).
 */
class TransitionTablesDocTest {

    private static String doc() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/executions.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/executions.md above the working directory").isNotNull();
        return Files.readString(dir.resolve("docs/executions.md"));
    }

    /** Rows {@code | FROM[, FROM] | TO, TO |} of the table whose header starts with {@code header}. */
    private static Map<String, Set<String>> table(String doc, String header) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : doc.split("\n")) {
            if (line.startsWith(header)) {
                inside = true;
                continue;
            }
            if (inside && !line.startsWith("|")) {
                break;
            }
            if (!inside || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.split("\\|");
            Set<String> targets = new TreeSet<>();
            for (String target : cells[2].replace("nothing (final)", "").split(",")) {
                if (!target.isBlank()) {
                    targets.add(target.trim());
                }
            }
            for (String from : cells[1].split(",")) {
                rows.put(from.trim(), targets);
            }
        }
        return rows;
    }

    private static <E extends Enum<E>> Map<String, Set<String>> code(Class<E> type,
            Function<E, Set<E>> targets) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (E status : EnumSet.allOf(type)) {
            Set<String> names = new TreeSet<>();
            targets.apply(status).forEach(t -> names.add(t.name()));
            rows.put(status.name(), names);
        }
        return rows;
    }

    @Test
    void executionTable_shouldMatchTheCode_whenReadFromTheOperatorsGuide() throws IOException {
        // GIVEN the execution table of the guide WHEN compared with ExecutionStatus THEN every row is the same
        assertThat(table(doc(), "| from | may become |"))
                .isEqualTo(code(ExecutionStatus.class, ExecutionStatus::allowedTargets));
    }

    @Test
    void waveTable_shouldMatchTheCode_whenReadFromTheOperatorsGuide() throws IOException {
        // GIVEN the wave table of the guide WHEN compared with WaveStatus THEN every row is the same
        assertThat(table(doc(), "| wave from | may become |"))
                .isEqualTo(code(WaveStatus.class, WaveStatus::allowedTargets));
    }
}
