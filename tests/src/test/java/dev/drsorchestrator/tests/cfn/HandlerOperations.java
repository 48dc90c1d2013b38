package dev.drsorchestrator.tests.cfn;

import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.OperationTable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The operation table each handler really serves, built the way the handler builds it (its package-private
 * {@code *Operations.table(CoreServices)}), with an environment that names every table and talks to nothing.
 */
final class HandlerOperations {
    private static final Map<String, String> TABLE_CLASSES = Map.of(
            "query-handler", "dev.drsorchestrator.query.QueryOperations",
            "data-management-handler", "dev.drsorchestrator.datamanagement.DataManagementOperations",
            "execution-handler", "dev.drsorchestrator.execution.ExecutionOperations");

    private HandlerOperations() {
    }

    /** Every handler's table, by the handler name cfn/openapi.yaml uses in x-handler. */
    static Map<String, OperationTable> all() {
        CoreServices services = CoreServices.from(offlineEnv());
        Map<String, OperationTable> tables = new LinkedHashMap<>();
        TABLE_CLASSES.forEach((handler, className) -> tables.put(handler, table(className, services)));
        return tables;
    }

    private static OperationTable table(String className, CoreServices services) {
        try {
            Method method = Class.forName(className).getDeclaredMethod("table", CoreServices.class);
            method.setAccessible(true);
            return (OperationTable) method.invoke(null, services);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("cannot read the operation table " + className, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("building the operation table " + className + " failed", e.getCause());
        }
    }

    private static Env offlineEnv() {
        Map<String, String> values = new HashMap<>();
        for (Table table : Table.values()) {
            values.put(table.envVariable(), "offline-" + table.name().toLowerCase(Locale.ROOT));
        }
        values.put("AWS_REGION", "us-east-1");
        values.put("AWS_ACCESS_KEY_ID", "offline");
        values.put("AWS_SECRET_ACCESS_KEY", "offline");
        values.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        return Env.of(values);
    }
}
