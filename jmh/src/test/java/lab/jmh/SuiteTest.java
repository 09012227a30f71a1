package lab.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collection;
import lab.jmh.hash.HashWorkersBenchmark;
import lab.jmh.requests.RequestStrategyBenchmark;
import lab.jmh.server.LedgerBenchmark;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

class SuiteTest {

    /**
     * The two traps of JMH under Maven on JDK 25 in one check: the annotation processor must have run
     * (else "Unable to find the resource: /META-INF/BenchmarkList") and a fork must find its classes
     * (else "Could not find or load main class ForkedMain" and an empty result). One fork, one short
     * iteration of the cheapest benchmark.
     */
    @Test
    void aBenchmarkRunsInAForkAndGivesAScore() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(LedgerBenchmark.class.getName() + ".record")
                .forks(1).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
                .jvmArgs(Benchmarks.FORK_JVM_ARGS.toArray(String[]::new))
                .shouldFailOnError(true).build()).run();
        assertThat(results).hasSize(1);
        assertThat(results.iterator().next().getPrimaryResult().getScore()).isPositive();
    }

    @Test
    void workerCountsRunFromOneToTwiceTheCoresWithTheSeedsHundred() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(HashWorkersBenchmark.workerCounts()).startsWith("sequential:1", "threads:1")
                .contains("threads:" + 2 * cores, "virtual:100", "processes:" + cores).doesNotContain("threads:" + (2 * cores + 1));
    }

    @Test
    void everyFamilyTheLabHasIsACaseWithTheStrategiesItSupports() {
        assertThat(RequestStrategyBenchmark.cases()).contains("bounded/virtual", "streaming/virtual", "adaptive/virtual",
                "bounded/async", "streaming/bulkhead").doesNotContain("adaptive/async");
    }

    @Test
    void argumentsAreCheckedWithOneLine() {
        Suite.SuiteArgs a = Suite.SuiteArgs.parse(new String[] {"--results", "out", "--profile", "full", "--include", null});
        assertThat(a.results()).isEqualTo(Path.of("out").toAbsolutePath());
        assertThat(a.profile()).isEqualTo(Profile.FULL);
        assertThat(a.include()).isEmpty();
        assertThatThrownBy(() -> Suite.SuiteArgs.parse(new String[] {"--profile", "slow"}))
                .hasMessage("unknown profile 'slow' (allowed: quick, full)");
        assertThat(Benchmarks.matching("Hash")).extracting(Benchmarks::simpleName).containsExactly("HashWorkersBenchmark");
    }
}
