package dev.microcytic.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.bench.load.RequestSource;
import java.net.URI;
import java.net.http.HttpRequest;
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
}
