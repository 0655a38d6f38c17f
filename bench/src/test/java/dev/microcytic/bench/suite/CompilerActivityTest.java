package dev.microcytic.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompilerActivityTest {

    @Test
    void countsUserAndSystemTicksOfCompilerThreadsOnly() {
        // Real lines of /proc/<pid>/task/<tid>/stat (a server under ingest load), shortened after the 17th field.
        String c2 = "7623 (C2 CompilerThre) S 1 7600 7578 0 -1 1077936192 52716 0 0 0 4521 183 0 0 20";
        String jetty = "7701 (qtp1617784108-19) S 1 7600 7578 0 -1 1077936192 9 0 0 0 2180 95 0 0 20";

        assertThat(CompilerActivity.compilerTicksOf(c2)).isEqualTo(4521 + 183);
        assertThat(CompilerActivity.compilerTicksOf(jetty)).isZero();
    }

    @Test
    void readsThisJvmsOwnCompilerThreads() {
        assumeThat(Path.of("/proc/self/task")).as("Linux /proc").isDirectory();
        // Loading JUnit and AssertJ alone compiles hundreds of methods; a hot loop makes sure C1/C2 have run.
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }

        long ticks = CompilerActivity.compilerTicks(ProcessHandle.current().pid());

        assertThat(sum).isNotZero();
        assertThat(ticks).isPositive();
    }

    @Test
    void saysMinusOneForAProcessItCannotSee() {
        assertThat(CompilerActivity.compilerTicks(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
