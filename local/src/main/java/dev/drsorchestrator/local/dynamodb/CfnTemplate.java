package dev.drsorchestrator.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A parsed CloudFormation template. The local runtime and the tests build their infrastructure from the very templates
 * that are deployed, so this reader accepts what a person writes (short-form tags included) and rejects anything it
 * cannot interpret with a message naming the template and the field.
 *
 * <pre>{@code
 * CfnTemplate template = CfnTemplate.fromClasspath(CfnTemplate.DYNAMODB_TABLES);
 * List<CfnResource> tables = template.resourcesOfType("AWS::DynamoDB::Table");
 * }</pre>
 */
public final class CfnTemplate {

    /** Classpath location of the table template (copied from {@code cfn/} at build time). */
    public static final String DYNAMODB_TABLES = "cfn/dynamodb-tables.yaml";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_TEMPLATE_CHARS = 1_000_000;

    private final String source;
    private final JsonNode root;
    private final List<CfnResource> resources;

    private CfnTemplate(String source, JsonNode root, List<CfnResource> resources) {
        this.source = source;
        this.root = root;
        this.resources = List.copyOf(resources);
    }

    /** Reads a template from the classpath, e.g. {@link #DYNAMODB_TABLES}. */
    public static CfnTemplate fromClasspath(String resourceName) {
        Objects.requireNonNull(resourceName, "resourceName");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = CfnTemplate.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new CfnTemplateException("template " + resourceName + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resourceName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resourceName, e);
        }
    }

    /** Reads a template from a file. */
    public static CfnTemplate fromFile(Path path) {
        Objects.requireNonNull(path, "path");
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }

    /**
     * Parses template text (YAML or JSON).
     *
     * @param text       the template
     * @param sourceName where it came from, used in error messages
     * @throws CfnTemplateException when the text is not YAML, or has no {@code Resources} mapping of typed resources
     */
    public static CfnTemplate parse(String text, String sourceName) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        Object raw = load(text, sourceName);
        if (!(raw instanceof Map<?, ?>)) {
            throw new CfnTemplateException(sourceName + ": a template must be a mapping at the top level");
        }
        JsonNode root = MAPPER.valueToTree(raw);
        JsonNode resourcesNode = root.get("Resources");
        if (resourcesNode == null || !resourcesNode.isObject() || resourcesNode.isEmpty()) {
            throw new CfnTemplateException(sourceName + ": Resources is required and must be a non-empty mapping");
        }
        List<CfnResource> resources = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = resourcesNode.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            resources.add(resource(sourceName, entry.getKey(), entry.getValue()));
        }
        return new CfnTemplate(sourceName, root, resources);
    }

    private static Object load(String text, String sourceName) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(MAX_TEMPLATE_CHARS);
        DumperOptions dumperOptions = new DumperOptions();
        Yaml yaml = new Yaml(new CfnYamlConstructor(options), new Representer(dumperOptions), dumperOptions, options,
                new CfnYamlResolver());
        try {
            return yaml.load(text);
        } catch (YAMLException e) {
            throw new CfnTemplateException(sourceName + " is not a valid template: " + e.getMessage(), e);
        }
    }

    private static CfnResource resource(String sourceName, String logicalId, JsonNode node) {
        String where = sourceName + ": Resources." + logicalId;
        if (!node.isObject()) {
            throw new CfnTemplateException(where + " must be a mapping");
        }
        JsonNode type = node.get("Type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new CfnTemplateException(where + ".Type is required and must be a string");
        }
        JsonNode properties = node.get("Properties");
        if (properties == null) {
            properties = JsonNodeFactory.instance.objectNode();
        } else if (!properties.isObject()) {
            throw new CfnTemplateException(where + ".Properties must be a mapping");
        }
        return new CfnResource(logicalId, type.asText(), properties);
    }

    /** Where the template came from ({@code classpath:...} or a file path), as used in error messages. */
    public String source() {
        return source;
    }

    /** The whole template, intrinsics in long form. */
    public JsonNode root() {
        return root;
    }

    /** Every resource, in template order. */
    public List<CfnResource> resources() {
        return resources;
    }

    /** The resources of one type, in template order. */
    public List<CfnResource> resourcesOfType(String type) {
        return resources.stream().filter(resource -> resource.type().equals(type)).toList();
    }

    /** The resource with this logical id, if the template declares it. */
    public Optional<CfnResource> resource(String logicalId) {
        return resources.stream().filter(resource -> resource.logicalId().equals(logicalId)).findFirst();
    }
}
