package dev.drsorchestrator.local.runtime;

import dev.drsorchestrator.local.apigateway.CorsPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * How to start the local runtime: the three loopback ports (0 picks a free one), the scenario file (null = the demo
 * scenario), how fast simulated time runs, the CORS origin the API allows, and the directory of CloudFormation
 * templates whose event rules are loaded.
 */
public record LocalRuntimeOptions(int apiPort, int awsPort, int dynamoDbPort, Path scenarioFile, double timeFactor,
                                  String allowedOrigin, Path cfnDir) {
    /** The usage text {@link #parse} refers to. */
    public static final String USAGE = String.join("\n",
            "usage: run-local.sh [--api-port 8080] [--aws-port 4566] [--dynamodb-port 8000] [--scenario FILE]",
            "                    [--time-factor N] [--allowed-origin localhost|*|ORIGIN] [--cfn-dir DIR]",
            "  --api-port        port of the REST API (API Gateway emulation), default 8080",
            "  --aws-port        port of the AWS-compatible endpoint (drs, ec2, iam, sts, sns, events, lambda), "
                    + "default 4566",
            "  --dynamodb-port   port of DynamoDB Local, default 8000",
            "  --scenario FILE   simulator scenario (JSON or YAML), default the bundled demo scenario",
            "  --time-factor N   simulated seconds per real second (0 freezes time), default 1",
            "  --allowed-origin  CORS origin the API allows, default any localhost origin",
            "  --cfn-dir DIR     CloudFormation templates whose AWS::Events::Rule resources are scheduled, default cfn");

    /** Validates ports, time factor and origin. */
    public LocalRuntimeOptions {
        port(apiPort, "--api-port");
        port(awsPort, "--aws-port");
        port(dynamoDbPort, "--dynamodb-port");
        if (!(timeFactor >= 0) || Double.isInfinite(timeFactor)) {
            throw new IllegalArgumentException("--time-factor must be a finite number >= 0, got " + timeFactor);
        }
        new CorsPolicy(allowedOrigin);
        cfnDir = cfnDir == null ? Path.of("cfn") : cfnDir;
    }

    /** The defaults of {@code run-local.sh}: 8080, 4566, 8000, demo scenario, real time, any localhost origin. */
    public static LocalRuntimeOptions defaults() {
        return new LocalRuntimeOptions(8080, 4566, 8000, null, 1, CorsPolicy.ANY_LOCALHOST, Path.of("cfn"));
    }

    /** Free ports for all three servers and a frozen clock: what tests start. */
    public static LocalRuntimeOptions forTests() {
        return new LocalRuntimeOptions(0, 0, 0, null, 0, CorsPolicy.ANY_LOCALHOST, Path.of("cfn"));
    }

    /** These options with another CloudFormation directory. */
    public LocalRuntimeOptions withCfnDir(Path dir) {
        return new LocalRuntimeOptions(apiPort, awsPort, dynamoDbPort, scenarioFile, timeFactor, allowedOrigin, dir);
    }

    /**
     * Parses command-line arguments over the defaults.
     *
     * @throws IllegalArgumentException naming the bad option and what it takes
     */
    public static LocalRuntimeOptions parse(List<String> args) {
        LocalRuntimeOptions o = defaults();
        int api = o.apiPort();
        int aws = o.awsPort();
        int dynamo = o.dynamoDbPort();
        Path scenario = null;
        double factor = o.timeFactor();
        String origin = o.allowedOrigin();
        Path cfn = o.cfnDir();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("help requested");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--api-port" -> api = integer(option, value);
                case "--aws-port" -> aws = integer(option, value);
                case "--dynamodb-port" -> dynamo = integer(option, value);
                case "--scenario" -> scenario = Path.of(value);
                case "--time-factor" -> factor = decimal(option, value);
                case "--allowed-origin" -> origin = value;
                case "--cfn-dir" -> cfn = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (api != 0 && (api == aws || api == dynamo) || aws != 0 && aws == dynamo) {
            throw new IllegalArgumentException("--api-port, --aws-port and --dynamodb-port must differ");
        }
        return new LocalRuntimeOptions(api, aws, dynamo, scenario, factor, origin, cfn);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + value + "'");
        }
    }

    private static void port(int port, String option) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(option + " must be between 0 and 65535, got " + port);
        }
    }
}
