package dev.drsorchestrator.shared.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.drsorchestrator.shared.config.Env;
import org.junit.jupiter.api.Test;

class HouseRulesTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.drsorchestrator.shared");

    @Test
    void classes_shouldNotReadEnvironment_whenNotEnv() {
        noClasses().that().doNotBelongToAnyOf(Env.class)
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .check(classes);
    }

    @Test
    void classes_shouldNotPrintToStandardStreams_whenLibraryCode() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void shared_shouldNotUseNettyOrApacheHttpClients_whenBuildingClients() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "software.amazon.awssdk.http.nio.netty..", "software.amazon.awssdk.http.apache..")
                .check(classes);
    }
}
