package dev.drsorchestrator.tests.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Loads the wire-contract files from the repository, so every contract test reads the same committed
 * documents that CloudFormation and the local runtime read, never a copy.
 */
final class ContractDocuments {

    static final String OPENAPI = "cfn/openapi.yaml";
    static final String CATALOGUE = "docs/wire-contract.md";

    /**
     * The permissions of ARCHITECTURE.md section 5. The page says "16", but its table (like the seed it comes
     * from) lists these 15; the test holds the document to the table.
     */
    static final Set<String> PERMISSIONS = Set.of(
            "protection_groups:read", "protection_groups:write",
            "recovery_plans:read", "recovery_plans:write", "recovery_plans:execute",
            "servers:read", "servers:write",
            "accounts:read", "accounts:write",
            "audit:read", "audit:write",
            "config:read", "config:write",
            "executions:read", "executions:write");

    static final String QUERY_HANDLER = "query-handler";
    static final Set<String> HANDLERS = Set.of(QUERY_HANDLER, "data-management-handler", "execution-handler");

    private ContractDocuments() {
    }

    static JsonNode openApi() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(repositoryFile(OPENAPI).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + OPENAPI, e);
        }
    }

    static String catalogue() {
        try {
            return Files.readString(repositoryFile(CATALOGUE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CATALOGUE, e);
        }
    }

    /** Walks up from the module directory Maven runs the test in to the repository root. */
    private static Path repositoryFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
