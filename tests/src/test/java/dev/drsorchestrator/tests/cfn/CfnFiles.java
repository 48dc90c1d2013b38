package dev.drsorchestrator.tests.cfn;

import dev.drsorchestrator.local.dynamodb.CfnTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The committed files under {@code cfn/} and {@code docs/}, read with the same CloudFormation reader the local runtime
 * uses ({@link CfnTemplate}, short-form tags in long form), so the tests hold the templates that are deployed.
 */
final class CfnFiles {
    static final String MASTER = "master.yaml";
    static final String IAM_ROLES = "iam-roles.yaml";
    static final String FUNCTIONS = "lambda-functions.yaml";
    static final String API = "api-gateway.yaml";
    static final String STATE_MACHINE = "step-functions.yaml";
    static final String SCHEDULES = "eventbridge-rules.yaml";
    static final String CROSS_ACCOUNT = "cross-account-role.yaml";
    static final String ASL = "state-machine.asl.json";

    private CfnFiles() {
    }

    static CfnTemplate template(String name) {
        return CfnTemplate.fromFile(cfnDir().resolve(name));
    }

    static Path cfnDir() {
        return repositoryFile("cfn");
    }

    static Optional<String> optionalText(String relative) {
        Path path = repositoryFile(relative);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        return Optional.of(text(path));
    }

    static String text(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Walks up from the module directory Maven runs the tests in to the directory holding cfn/. */
    static Path repositoryFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("cfn")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root with cfn/ above " + Path.of("").toAbsolutePath());
    }
}
