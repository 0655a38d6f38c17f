package dev.microcytic.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.bench.load.RequestSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSuiteTest {

    @Test
    void warmUpChunksContinueTheNumberingInsteadOfRepeatingPatients() {
        List<Long> asked = new ArrayList<>();
        RequestSource source = sequence -> {
            asked.add(sequence);
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1/" + sequence))
                    .build();
        };
        RequestSource onwards = BenchSuite.numberedOnwards(source);

        // Two runs, each numbering its requests from 0 as LoadGenerator.closedLoop does.
        for (long sequence = 0; sequence < 3; sequence++) {
            onwards.request(sequence);
        }
        for (long sequence = 0; sequence < 2; sequence++) {
            onwards.request(sequence);
        }

        assertThat(asked).containsExactly(0L, 1L, 2L, 3L, 4L);
    }

    @Test
    void defaultRoundsMeasureEachOfTheThreeServersInEachPositionEquallyOften() {
        SuiteOptions options = SuiteOptions.parse(new String[0], Path.of("bench.jar"));
        int[][] timesAt = new int[3][3];
        for (int round = 1; round <= options.ingestRounds(); round++) {
            List<Integer> order = BenchSuite.roundOrder(3, round);
            assertThat(order).containsExactlyInAnyOrder(0, 1, 2);
            for (int position = 0; position < 3; position++) {
                timesAt[order.get(position)][position]++;
            }
        }

        assertThat(options.ingestRounds()).isEqualTo(6);
        assertThat(timesAt).isDeepEqualTo(new int[][] {{2, 2, 2}, {2, 2, 2}, {2, 2, 2}});
        assertThat(BenchSuite.roundOrder(3, 1)).containsExactly(0, 1, 2);
        assertThat(BenchSuite.roundOrder(3, 2)).containsExactly(1, 2, 0);
    }

    @Test
    void ingestWarmUpMayRunFiveMinutesWhileTheCompilersAreBusy() {
        SuiteOptions options = SuiteOptions.parse(new String[0], Path.of("bench.jar"));

        assertThat(options.ingestWarmupLimit()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.ingestWarmup()).isEqualTo(Duration.ofSeconds(30));
    }
}
