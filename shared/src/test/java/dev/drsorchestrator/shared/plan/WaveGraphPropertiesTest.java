package dev.drsorchestrator.shared.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class WaveGraphPropertiesTest {

    /** A plan shape: for each wave, the positions of the waves it depends on (any position, forward or back). */
    @Provide
    Arbitrary<List<List<Integer>>> dependencyShapes() {
        return Arbitraries.integers().between(1, 8).flatMap(size ->
                Arbitraries.integers().between(0, size - 1).list().ofMaxSize(3).uniqueElements()
                        .list().ofSize(size));
    }

    @Provide
    Arbitrary<List<Integer>> waveNumberings() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(1, 3))
                .as((start, step) -> {
                    List<Integer> numbers = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        numbers.add(start + i * step);
                    }
                    return numbers;
                });
    }

    @Property
    void check_shouldAcceptExactlyBackwardDependencies_whenPlansAreOtherwiseValid(
            @ForAll("dependencyShapes") List<List<Integer>> shape, @ForAll("waveNumberings") List<Integer> numbers) {
        // GIVEN valid waves whose dependencies point at arbitrary positions
        List<PlanWave> waves = new ArrayList<>();
        boolean allBackward = true;
        for (int i = 0; i < shape.size(); i++) {
            List<Integer> dependsOn = new ArrayList<>();
            for (int position : shape.get(i)) {
                dependsOn.add(numbers.get(position));
                allBackward &= position < i;
            }
            waves.add(new PlanWave(numbers.get(i), "wave " + i, List.of("pg-" + i), dependsOn, i % 2 == 0));
        }

        // WHEN checked THEN accepted exactly when every dependency points to an earlier wave
        assertThat(WaveGraph.check(waves).isEmpty()).isEqualTo(allBackward);
    }
}
