package dev.drsorchestrator.shared.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps the domain rules pure: no I/O, no AWS or JSON libraries, no other package of the project. */
class DomainRulesIsolationTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/drsorchestrator/shared");
    private static final List<String> ALLOWED = List.of("import java.util.", "import java.math.",
            "import java.text.Normalizer;", "import java.nio.charset.StandardCharsets;",
            "import java.security.MessageDigest;", "import java.security.NoSuchAlgorithmException;",
            "import static java.util.", "import dev.drsorchestrator.shared.rules.",
            "import dev.drsorchestrator.shared.execution.", "import dev.drsorchestrator.shared.drs.",
            "import dev.drsorchestrator.shared.plan.", "import dev.drsorchestrator.shared.launch.",
            "import dev.drsorchestrator.shared.naming.");

    @ParameterizedTest
    @ValueSource(strings = {"rules", "execution", "drs", "plan", "launch", "naming"})
    void imports_shouldStayWithinJavaBaseAndRulePackages_whenPackageIsARulePackage(String pkg) throws IOException {
        // GIVEN the sources of a rule package
        List<String> offending = new ArrayList<>();
        int filesRead = 0;
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                // WHEN its imports are read
                filesRead++;
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.trim();
                    if (trimmed.startsWith("import ") && ALLOWED.stream().noneMatch(trimmed::startsWith)) {
                        offending.add(file.getFileName() + ": " + trimmed);
                    }
                }
            }
        }

        // THEN nothing outside the allow-list is used
        assertThat(filesRead).isPositive();
        assertThat(offending).isEmpty();
    }
}
