package dev.drsorchestrator.local.sim.scenario;

import dev.drsorchestrator.local.sim.FaultRule;
import dev.drsorchestrator.local.sim.model.AccountKind;
import dev.drsorchestrator.local.sim.model.Disk;
import dev.drsorchestrator.local.sim.model.IamRole;
import dev.drsorchestrator.local.sim.model.InstanceProfile;
import dev.drsorchestrator.local.sim.model.MachineSpec;
import dev.drsorchestrator.local.sim.model.ReplicationState;
import dev.drsorchestrator.local.sim.model.SecurityGroup;
import dev.drsorchestrator.local.sim.model.Subnet;
import dev.drsorchestrator.local.sim.model.Timings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds scenarios of any size from a seed: the same options always give the same fleet, so a benchmark or a test
 * at scale replays exactly. The shipped demo scenario is this generator's output for {@link #demoOptions()}.
 */
public final class ScenarioGenerator {
    /** Regions in the order the generator uses them. */
    public static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2",
            "us-east-2", "eu-central-1", "ap-northeast-1", "ca-central-1", "eu-west-2", "ap-south-1", "sa-east-1",
            "us-west-1");
    /** The role every account trusts the hub to assume. */
    public static final String ORCHESTRATION_ROLE = "DRSOrchestrationRole";

    private static final String[] APPLICATIONS = {"payments", "orders", "inventory", "crm", "hr-portal", "billing"};
    private static final String[] ENVIRONMENTS = {"production", "production", "production", "staging"};
    private static final String[] LINUX = {"Amazon Linux 2023", "Red Hat Enterprise Linux 8.9 (Ootpa)",
        "Ubuntu 22.04.4 LTS", "SUSE Linux Enterprise Server 15 SP5"};
    private static final String[] WINDOWS = {"Microsoft Windows Server 2019 Datacenter",
        "Microsoft Windows Server 2022 Standard"};
    private static final String CPU = "Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz";

    private final GeneratorOptions options;
    private final SplittableRandom random;

    private ScenarioGenerator(GeneratorOptions options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
    }

    /** Generates the scenario the options describe. */
    public static Scenario generate(GeneratorOptions options) {
        return new ScenarioGenerator(options).build();
    }

    /** The demo: hub, production target and staging account, 4 regions, 20 servers each. */
    public static GeneratorOptions demoOptions() {
        return new GeneratorOptions("demo", 2026, 3, 4, 20, GeneratorOptions.Placement.SKEWED, null, null);
    }

    /** The account id of the n-th generated account (0-based): 111111111111, 222222222222, ... then 2000000000nn. */
    public static String accountId(int index) {
        return index < 9 ? String.valueOf(111111111111L * (index + 1)) : String.format("%012d", 200000000000L + index);
    }

    /** The external id the generated accounts' {@value #ORCHESTRATION_ROLE} requires. */
    public static String externalId(String accountId) {
        return "drs-orchestrator-" + accountId;
    }

    private Scenario build() {
        List<String> regions = REGIONS.subList(0, options.regions());
        List<AccountSpec> accounts = new ArrayList<>();
        int serverCounter = 0;
        for (int a = 0; a < options.accounts(); a++) {
            String accountId = accountId(a);
            AccountKind kind = a == 0 ? AccountKind.HUB : a == 2 ? AccountKind.STAGING : AccountKind.TARGET;
            int[] perRegion = place(regions.size());
            List<RegionSpec> regionSpecs = new ArrayList<>();
            for (int r = 0; r < regions.size(); r++) {
                String region = regions.get(r);
                String origin = regions.get(regions.size() == 1 ? 0 : (r % 2 == 0 ? r + 1 : r - 1) % regions.size());
                List<ServerSpec> servers = new ArrayList<>();
                for (int s = 0; s < perRegion[r]; s++) {
                    servers.add(server(accountId, origin, a, r, serverCounter++));
                }
                regionSpecs.add(new RegionSpec(region, subnets(a, r, region), groups(a, r), servers));
            }
            accounts.add(new AccountSpec(accountId, name(kind, a), kind,
                    List.of(new IamRole(ORCHESTRATION_ROLE, externalId(accountId))),
                    List.of(new InstanceProfile("AWSElasticDisasterRecoveryRecoveryInstanceRole",
                                    List.of("AWSElasticDisasterRecoveryRecoveryInstanceRole")),
                            new InstanceProfile("dr-recovery-app-profile", List.of("dr-recovery-app-role"))),
                    regionSpecs));
        }
        List<FaultRule> faults = new ArrayList<>();
        options.latencyMillis().forEach((op, millis) -> {
            String[] parts = op.split(":");
            faults.add(FaultRule.latency(parts[0], parts[1], millis));
        });
        return new Scenario(options.name(), options.seed(), "2026-01-05T09:00:00Z", Timings.DEFAULT, accounts, null,
                faults, null);
    }

    private int[] place(int regionCount) {
        int[] counts = new int[regionCount];
        int total = options.serversPerAccount();
        if (options.placement() == GeneratorOptions.Placement.UNIFORM || regionCount <= 2) {
            for (int i = 0; i < total; i++) {
                counts[i % regionCount]++;
            }
            return counts;
        }
        int majors = Math.min(regionCount, 2 + random.nextInt(2));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < regionCount; i++) {
            order.add(i);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer tmp = order.get(i);
            order.set(i, order.get(j));
            order.set(j, tmp);
        }
        for (int i = 0; i < total; i++) {
            boolean major = random.nextDouble() < 0.85 || majors == regionCount;
            int slot = major ? order.get(random.nextInt(majors)) : order.get(majors + random.nextInt(regionCount - majors));
            counts[slot]++;
        }
        return counts;
    }

    private ServerSpec server(String accountId, String originRegion, int account, int region, int index) {
        String tier = tier();
        String app = APPLICATIONS[random.nextInt(APPLICATIONS.length)];
        String env = ENVIRONMENTS[random.nextInt(ENVIRONMENTS.length)];
        boolean windows = "db".equals(tier) ? random.nextDouble() < 0.4 : random.nextDouble() < 0.15;
        String os = windows ? WINDOWS[random.nextInt(WINDOWS.length)] : LINUX[random.nextInt(LINUX.length)];
        int cores = switch (tier) {
            case "web" -> 2;
            case "app" -> 4;
            default -> 8;
        };
        long ramGiB = switch (tier) {
            case "web" -> 8;
            case "app" -> 16;
            default -> 64;
        };
        String type = switch (tier) {
            case "web" -> random.nextBoolean() ? "t3.large" : "m5.large";
            case "app" -> "m5.xlarge";
            default -> "r5.2xlarge";
        };
        List<Disk> disks = new ArrayList<>();
        disks.add(new Disk(windows ? "C:" : "/dev/xvda", gib(windows ? 100 : 50)));
        if (!"web".equals(tier)) {
            disks.add(new Disk(windows ? "D:" : "/dev/xvdb", gib("db".equals(tier) ? 500 + 100L * random.nextInt(8)
                    : 100)));
        }
        String hostname = app + "-" + tier + "-" + String.format("%02d", index % 100 + 1);
        int originRegionIndex = REGIONS.indexOf(originRegion);
        String ip = "10." + (account % 200 + 10) + "." + (originRegionIndex * 2 + 1) + "." + (10 + index % 240);
        String originAz = originRegion + (random.nextBoolean() ? "a" : "b");
        String sourceInstance = hex("i-", 17);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Tier", tier);
        tags.put("Application", app);
        tags.put("Environment", env);
        tags.put("Name", hostname);
        MachineSpec machine = new MachineSpec(hostname, hostname + "." + env + ".corp.example.com", os, cores, CPU,
                gib(ramGiB), disks, mac(), ip, type, type, sourceInstance, accountId, originRegion, originAz);
        return new ServerSpec(hex("s-", 17), replicationState(), tags, machine);
    }

    private String tier() {
        double total = options.tierWeights().values().stream().mapToDouble(Double::doubleValue).sum();
        double pick = random.nextDouble() * total;
        for (String tier : new java.util.TreeMap<>(options.tierWeights()).keySet()) {
            pick -= options.tierWeights().get(tier);
            if (pick < 0) {
                return tier;
            }
        }
        return "web";
    }

    private ReplicationState replicationState() {
        double pick = random.nextDouble();
        if (pick < 0.88) {
            return ReplicationState.CONTINUOUS;
        }
        if (pick < 0.93) {
            return ReplicationState.INITIAL_SYNC;
        }
        if (pick < 0.97) {
            return ReplicationState.STALLED;
        }
        return ReplicationState.DISCONNECTED;
    }

    private List<Subnet> subnets(int account, int region, String regionName) {
        String vpc = "vpc-" + String.format("%017x", (account + 1L) * 1000 + region);
        String prefix = "10." + (account % 200 + 10) + ".";
        return List.of(
                new Subnet("subnet-" + String.format("%017x", (account + 1L) * 100000 + region * 10L + 1), vpc,
                        prefix + (region * 2 + 1) + ".0/24", regionName + "a", Map.of("Name", "dr-private-a")),
                new Subnet("subnet-" + String.format("%017x", (account + 1L) * 100000 + region * 10L + 2), vpc,
                        prefix + (region * 2 + 2) + ".0/24", regionName + "b", Map.of("Name", "dr-private-b")));
    }

    private List<SecurityGroup> groups(int account, int region) {
        String vpc = "vpc-" + String.format("%017x", (account + 1L) * 1000 + region);
        return List.of(
                new SecurityGroup("sg-" + String.format("%017x", (account + 1L) * 100000 + region * 10L + 1),
                        "dr-recovery-instances", "Recovery instances launched by DRS", vpc, Map.of()),
                new SecurityGroup("sg-" + String.format("%017x", (account + 1L) * 100000 + region * 10L + 2),
                        "dr-database", "Database tier after recovery", vpc, Map.of()));
    }

    private static String name(AccountKind kind, int index) {
        return switch (kind) {
            case HUB -> "dr-hub";
            case STAGING -> "dr-staging";
            default -> "workload-" + index;
        };
    }

    private String hex(String prefix, int length) {
        StringBuilder out = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            out.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return out.toString();
    }

    private String mac() {
        StringBuilder out = new StringBuilder("0a");
        for (int i = 0; i < 5; i++) {
            out.append(':').append(String.format("%02x", random.nextInt(256)));
        }
        return out.toString();
    }

    private static long gib(long count) {
        return count * 1024L * 1024L * 1024L;
    }

    /**
     * Writes a generated scenario as JSON. Arguments: {@code --out FILE} (required), {@code --demo}, or
     * {@code --accounts N --regions M --servers K [--placement uniform|skewed] [--seed S]}.
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--demo")) {
                flags.put("demo", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                flags.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
        }
        if (!flags.containsKey("out")) {
            throw new IllegalArgumentException("--out FILE is required");
        }
        GeneratorOptions options = flags.containsKey("demo") ? demoOptions() : new GeneratorOptions("generated",
                Long.parseLong(flags.getOrDefault("seed", "1")), Integer.parseInt(flags.getOrDefault("accounts", "3")),
                Integer.parseInt(flags.getOrDefault("regions", "4")),
                Integer.parseInt(flags.getOrDefault("servers", "20")),
                GeneratorOptions.Placement.valueOf(flags.getOrDefault("placement", "skewed").toUpperCase(
                        java.util.Locale.ROOT)), null, null);
        Files.writeString(Path.of(flags.get("out")), Scenarios.toJson(generate(options)) + "\n",
                StandardCharsets.UTF_8);
    }
}
