package dev.drsorchestrator.local.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns CloudFormation short-form tags ({@code !Ref X}, {@code !Sub "..."}, {@code !GetAtt A.B}, {@code !If [...]})
 * into the long form a JSON template would hold, so readers see one representation.
 */
final class CfnYamlConstructor extends SafeConstructor {

    private static final Set<String> FUNCTIONS = Set.of(
            "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
            "Transform", "And", "Equals", "If", "Not", "Or", "ToJsonString", "Length", "ForEach");

    CfnYamlConstructor(LoaderOptions options) {
        super(options);
        yamlMultiConstructors.put("!", new IntrinsicConstruct());
    }

    private final class IntrinsicConstruct extends AbstractConstruct {

        @Override
        public Object construct(Node node) {
            String name = node.getTag().getValue().substring(1);
            String key = longFormKey(name, node);
            Object value;
            if (node instanceof ScalarNode scalar) {
                value = constructScalar(scalar);
            } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
            } else if (node instanceof MappingNode mapping) {
                value = constructMapping(mapping);
            } else {
                throw new YAMLException("unsupported node for !" + name + node.getStartMark());
            }
            if (name.equals("GetAtt") && value instanceof String dotted) {
                int dot = dotted.indexOf('.');
                if (dot <= 0 || dot == dotted.length() - 1) {
                    throw new YAMLException("!GetAtt needs the form LogicalId.Attribute, got '" + dotted + "'"
                            + node.getStartMark());
                }
                value = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
            }
            return Map.of(key, value);
        }

        private String longFormKey(String name, Node node) {
            if (name.equals("Ref") || name.equals("Condition")) {
                return name;
            }
            if (FUNCTIONS.contains(name)) {
                return "Fn::" + name;
            }
            throw new YAMLException("unknown CloudFormation tag !" + name + node.getStartMark());
        }
    }
}
