package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.local.sim.scenario.AccountSpec;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.RegionSpec;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import dev.drsorchestrator.local.sim.scenario.ServerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioGeneratorTest {

    @Property(tries = 20)
    void generate_shouldBeReproducibleAndComplete_whenGivenTheSameOptions(
            @ForAll @IntRange(min = 1, max = 6) int accounts, @ForAll @IntRange(min = 1, max = 6) int regions,
            @ForAll @IntRange(min = 0, max = 60) int servers) {
        // GIVEN the same options twice
        GeneratorOptions options = GeneratorOptions.of(99, accounts, regions, servers);

        // WHEN generated
        Scenario first = ScenarioGenerator.generate(options);
        Scenario second = ScenarioGenerator.generate(options);

        // THEN identical, with N accounts x M regions and K servers per account
        assertThat(Scenarios.toJson(first)).isEqualTo(Scenarios.toJson(second));
        assertThat(first.accounts()).hasSize(accounts).allSatisfy(a -> {
            assertThat(a.regions()).hasSize(regions);
            assertThat(a.regions().stream().mapToInt(r -> r.servers().size()).sum()).isEqualTo(servers);
        });
    }

    @Test
    void generate_shouldConcentrateMostServersInAFewRegions_whenPlacementIsSkewed() {
        // GIVEN one account with 1000 servers over 8 regions, skewed
        Scenario scenario = ScenarioGenerator.generate(GeneratorOptions.of(3, 1, 8, 1000));

        // WHEN the three biggest regions are summed
        int topThree = scenario.accounts().get(0).regions().stream().map(r -> r.servers().size())
                .sorted(Comparator.reverseOrder()).limit(3).mapToInt(Integer::intValue).sum();

        // THEN they hold most of the servers
        assertThat(topThree).isGreaterThan(800);
    }

    @Test
    void demo_shouldMatchTheShippedFile_whenRegenerated() {
        // GIVEN the shipped demo and the generator's demo options
        Scenario shipped = Scenarios.demo();
        Scenario regenerated = ScenarioGenerator.generate(ScenarioGenerator.demoOptions());

        // THEN the file is the generator's output: 3 accounts, 4 regions, 60 servers tagged by tier
        assertThat(shipped.equals(regenerated)).as("demo.json equals the generator's demo output").isTrue();
        assertThat(shipped.summary()).isEqualTo("scenario demo: 3 accounts, 4 regions, 60 servers");
        Map<String, Long> tiers = shipped.accounts().stream().flatMap(a -> a.regions().stream())
                .flatMap(r -> r.servers().stream()).collect(Collectors.groupingBy(s -> s.tags().get("Tier"),
                        Collectors.counting()));
        assertThat(tiers).containsOnlyKeys("web", "app", "db");
        assertThat(shipped.accounts()).allSatisfy(a -> assertThat(a.roles()).singleElement()
                .satisfies(r -> assertThat(r.externalId()).isNotBlank()));
    }

    @Test
    void read_shouldAcceptYaml_whenTheFileEndsInYaml(@TempDir Path dir) throws IOException {
        // GIVEN a small YAML scenario
        Path file = dir.resolve("tiny.yaml");
        Files.writeString(file, String.join("\n",
                "name: tiny",
                "accounts:",
                "  - accountId: '444444444444'",
                "    kind: HUB",
                "    regions:",
                "      - region: eu-west-1",
                "        servers:",
                "          - sourceServerId: s-0123456789abcdef0",
                "            tags: {Tier: web}",
                "            machine: {hostname: web-01, fqdn: web-01.example.com, os: Amazon Linux 2023,",
                "                      cpuCores: 2, cpuModel: Xeon, ramBytes: 4294967296, macAddress: '0a:00:00:00:00:01',",
                "                      privateIp: 10.0.0.5, instanceType: t3.medium, recommendedInstanceType: t3.medium}",
                ""), StandardCharsets.UTF_8);

        // WHEN read
        Scenario scenario = Scenarios.read(file);

        // THEN the fields arrive
        AccountSpec account = scenario.accounts().get(0);
        RegionSpec region = account.regions().get(0);
        ServerSpec server = region.servers().get(0);
        assertThat(scenario.summary()).isEqualTo("scenario tiny: 1 accounts, 1 regions, 1 servers");
        assertThat(server.machine().hostname()).isEqualTo("web-01");
        assertThat(server.tags()).containsEntry("Tier", "web");
    }
}
