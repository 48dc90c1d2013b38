package dev.drsorchestrator.local.runtime;

import dev.drsorchestrator.local.apigateway.CorsPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * How to start the local runtime: the three loopback ports (0 picks a free one), the scenario file (null = the demo
 * scenario), how fast simulated time runs, the CORS origin the API allows, the directory of CloudFormation
 * templates whose event rules are loaded, and whether to run the guided drill ({@code --demo}) and keep serving after
 * it ({@code --stay}).
 */
public record LocalRuntimeOptions(int apiPort, int awsPort, int dynamoDbPort, Path scenarioFile, double timeFactor,
                                  String allowedOrigin, Path cfnDir, boolean demo, boolean stay) {
    /** Simulated seconds per real second under {@code --demo} unless {@code --time-factor} says otherwise. */
    public static final double DEMO_TIME_FACTOR = 60;
    /** The usage text {@link #parse} refers to. */
    public static final String USAGE = String.join("\n",
            "usage: run-local.sh [--demo [--stay]] [--api-port 8080] [--aws-port 4566] [--dynamodb-port 8000]",
            "                    [--scenario FILE] [--time-factor N] [--allowed-origin localhost|*|ORIGIN]",
            "                    [--cfn-dir DIR]",
            "  --demo            run the guided DR drill against the runtime, print its report, then stop (exit status"
                    + " 0 on success); time factor " + (int) DEMO_TIME_FACTOR + " unless --time-factor is given",
            "  --stay            with --demo: keep serving after the drill until Ctrl-C",
            "  --api-port        port of the REST API (API Gateway emulation), default 8080",
            "  --aws-port        port of the AWS-compatible endpoint (drs, ec2, iam, sts, sns, events, lambda), "
                    + "default 4566",
            "  --dynamodb-port   port of DynamoDB Local, default 8000",
            "  --scenario FILE   simulator scenario (JSON or YAML), default the bundled demo scenario",
            "  --time-factor N   simulated seconds per real second (0 freezes time), default 1 (--demo: "
                    + (int) DEMO_TIME_FACTOR + ")",
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
        if (stay && !demo) {
            throw new IllegalArgumentException("--stay only applies with --demo (without --demo the runtime serves"
                    + " until Ctrl-C anyway)");
        }
    }

    /** Options without the guided drill: the runtime serves until closed. */
    public LocalRuntimeOptions(int apiPort, int awsPort, int dynamoDbPort, Path scenarioFile, double timeFactor,
            String allowedOrigin, Path cfnDir) {
        this(apiPort, awsPort, dynamoDbPort, scenarioFile, timeFactor, allowedOrigin, cfnDir, false, false);
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
        return new LocalRuntimeOptions(apiPort, awsPort, dynamoDbPort, scenarioFile, timeFactor, allowedOrigin, dir,
                demo, stay);
    }

    /** These options with another time factor. */
    public LocalRuntimeOptions withTimeFactor(double factor) {
        return new LocalRuntimeOptions(apiPort, awsPort, dynamoDbPort, scenarioFile, factor, allowedOrigin, cfnDir,
                demo, stay);
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
        boolean demo = false;
        boolean stay = false;
        boolean factorGiven = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("help requested");
            }
            if (option.equals("--demo")) {
                demo = true;
                continue;
            }
            if (option.equals("--stay")) {
                stay = true;
                continue;
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
                case "--time-factor" -> {
                    factor = decimal(option, value);
                    factorGiven = true;
                }
                case "--allowed-origin" -> origin = value;
                case "--cfn-dir" -> cfn = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (api != 0 && (api == aws || api == dynamo) || aws != 0 && aws == dynamo) {
            throw new IllegalArgumentException("--api-port, --aws-port and --dynamodb-port must differ");
        }
        if (demo && !factorGiven) {
            factor = DEMO_TIME_FACTOR;
        }
        return new LocalRuntimeOptions(api, aws, dynamo, scenario, factor, origin, cfn, demo, stay);
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
