package dev.drsorchestrator.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One entry of a template's {@code Resources} section. Properties keep CloudFormation intrinsics in their long form
 * ({@code {"Ref": "X"}}, {@code {"Fn::Sub": "..."}}), whichever form the template author used.
 *
 * @param logicalId  the resource's key in {@code Resources}
 * @param type       the resource type, e.g. {@code AWS::DynamoDB::Table}
 * @param properties the {@code Properties} mapping (an empty object when the resource has none)
 */
public record CfnResource(String logicalId, String type, JsonNode properties) {

    /** Validates that every component is present. */
    public CfnResource {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(properties, "properties");
    }
}
