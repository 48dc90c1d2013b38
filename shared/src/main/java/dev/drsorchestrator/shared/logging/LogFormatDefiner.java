package dev.drsorchestrator.shared.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import dev.drsorchestrator.shared.config.Env;

/**
 * Tells {@code logback.xml} which appender to use: {@code JSON} inside Lambda (one JSON object per line for
 * CloudWatch Logs Insights), {@code TEXT} elsewhere. {@code LOG_FORMAT=json|text} overrides the choice.
 */
public final class LogFormatDefiner extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        Env env = Env.fromSystem();
        String explicit = env.optional("LOG_FORMAT").orElse("");
        if ("json".equalsIgnoreCase(explicit)) {
            return "JSON";
        }
        if ("text".equalsIgnoreCase(explicit)) {
            return "TEXT";
        }
        return env.runningInLambda() ? "JSON" : "TEXT";
    }
}
