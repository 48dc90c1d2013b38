package dev.drsorchestrator.local.sim.ec2;

import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.QueryParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * EC2 {@code Filter.N.Name}/{@code Filter.N.Value.M} filters: a resource matches when every filter has a value that
 * equals (or, with {@code *} and {@code ?}, globs) the resource's value for that name.
 */
record Ec2Filters(List<Filter> filters) {
    record Filter(String name, List<String> values) {
    }

    static Ec2Filters parse(Map<String, String> params, Set<String> supported) {
        List<Filter> filters = new ArrayList<>();
        for (int index : QueryParams.indexes(params, "Filter")) {
            String name = params.get("Filter." + index + ".Name");
            if (name == null) {
                throw new AwsException("InvalidParameterValue", 400, "Filter." + index + ".Name is required");
            }
            if (!supported.contains(name) && !name.startsWith("tag:")) {
                throw new AwsException("InvalidParameterValue", 400, "The filter '" + name + "' is invalid");
            }
            filters.add(new Filter(name, QueryParams.list(params, "Filter." + index + ".Value")));
        }
        return new Ec2Filters(filters);
    }

    /** True when {@code valuesOf(resource, filterName)} satisfies every filter. */
    <T> boolean matches(T resource, BiFunction<T, String, List<String>> valuesOf) {
        for (Filter filter : filters) {
            List<String> actual = valuesOf.apply(resource, filter.name());
            boolean any = false;
            for (String wanted : filter.values()) {
                for (String value : actual) {
                    if (value != null && glob(wanted, value)) {
                        any = true;
                        break;
                    }
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean glob(String pattern, String value) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }
}
