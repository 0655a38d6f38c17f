package dev.microcytic.server.interpretation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcReevaluationOutboxTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private JdbcReevaluationOutbox outbox;

    @BeforeEach
    void freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        outbox = JdbcReevaluationOutbox.create(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void patientsAreDueOnceTheirOldestRowIsOlderThanTheCutoff() {
        outbox.add("late", NOW.minusSeconds(1));
        outbox.add("early", NOW.minusSeconds(5));
        outbox.add("early", NOW.minusSeconds(2));
        outbox.add("fresh", NOW.plusSeconds(1));

        assertThat(outbox.duePatients(NOW, 10)).containsExactly("early", "late");
        assertThat(outbox.duePatients(NOW.minusSeconds(3), 10)).containsExactly("early");
        assertThat(outbox.rowCount()).isEqualTo(4);
    }

    @Test
    void aClaimedRowIsSkippedByASecondWorkerAndARowWrittenMeanwhileAsksForAnotherRun() {
        outbox.add("p1", NOW);
        List<Boolean> nested = new ArrayList<>();

        boolean processed = outbox.process("p1", () -> {
            // Another worker (or replica) while this one evaluates: the claimed row is locked, nothing to claim.
            nested.add(outbox.process("p1", () -> {}));
            outbox.add("p1", NOW);
        });

        assertThat(processed).isTrue();
        assertThat(nested).containsExactly(false);
        assertThat(outbox.rowCount())
                .as("only the row written during the evaluation")
                .isEqualTo(1);
        assertThat(outbox.process("p1", () -> {})).isTrue();
        assertThat(outbox.rowCount()).isZero();
        assertThat(outbox.process("p1", () -> {})).isFalse();
    }

    @Test
    void aFailedEvaluationKeepsItsRowsForARetryAfterABackOff() {
        outbox.add("p1", NOW.minusSeconds(60));

        assertThatThrownBy(() -> outbox.process("p1", () -> {
                    throw new IllegalStateException("store down");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(outbox.rowCount()).isEqualTo(1);
        assertThat(outbox.duePatients(NOW, 10)).isEmpty();
        assertThat(outbox.duePatients(NOW.plusSeconds(30), 10)).containsExactly("p1");
    }
}
