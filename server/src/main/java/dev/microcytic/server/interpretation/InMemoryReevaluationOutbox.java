package dev.microcytic.server.interpretation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An outbox in memory, for the scheduler's own tests and for callers without a database: the same claiming rules as
 * {@link JdbcReevaluationOutbox}, but lost with the process.
 */
final class InMemoryReevaluationOutbox implements ReevaluationOutbox {

    private record Row(String patientId, Instant requestedAt) {}

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Set<String> claimed = new HashSet<>();
    private final Clock clock;

    InMemoryReevaluationOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void add(String patientId, Instant requestedAt) {
        rows.put(UUID.randomUUID().toString(), new Row(patientId, requestedAt));
    }

    @Override
    public synchronized List<String> duePatients(Instant requestedBefore, int limit) {
        return rows.values().stream()
                .filter(row -> !row.requestedAt().isAfter(requestedBefore))
                .sorted(Comparator.comparing(Row::requestedAt))
                .map(Row::patientId)
                .distinct()
                .limit(limit)
                .toList();
    }

    @Override
    public boolean process(String patientId, Runnable evaluation) {
        List<String> mine = claim(patientId);
        if (mine.isEmpty()) {
            return false;
        }
        try {
            evaluation.run();
            release(mine, true);
        } catch (RuntimeException e) {
            release(mine, false);
            throw e;
        }
        return true;
    }

    private synchronized List<String> claim(String patientId) {
        List<String> mine = new ArrayList<>();
        rows.forEach((id, row) -> {
            if (row.patientId().equals(patientId) && claimed.add(id)) {
                mine.add(id);
            }
        });
        return mine;
    }

    private synchronized void release(List<String> ids, boolean done) {
        Instant retry = clock.instant().plus(Duration.ofSeconds(30));
        for (String id : ids) {
            claimed.remove(id);
            Row row = rows.remove(id);
            if (!done && row != null) {
                rows.put(id, new Row(row.patientId(), retry));
            }
        }
    }

    @Override
    public synchronized long rowCount() {
        return rows.size();
    }
}
