package dev.microcytic.server.interpretation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox as a table of the FHIR store's database (H2 or PostgreSQL, same SQL), shared by every replica.
 *
 * <p>Rows are only ever inserted by ingest (one per patient and transaction, never updated by it), so concurrent
 * ingests of one patient never conflict. A worker claims a patient's rows with {@code SELECT ... FOR UPDATE SKIP
 * LOCKED} in a transaction of its own that stays open while the patient is evaluated: another worker or replica skips
 * them, and if the process dies the database releases the locks and the rows are claimed again at once. The claimed
 * rows (and only those: a row committed after the claim asks for one more run) are deleted in that transaction after
 * the evaluation has committed its interpretation. Per-patient serialisation of the evaluation itself is
 * {@link PatientLocks}'s job.
 */
public final class JdbcReevaluationOutbox implements ReevaluationOutbox {

    static final String TABLE = "mcds_reevaluation_outbox";

    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LAST_RETRY = Duration.ofHours(1);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private JdbcReevaluationOutbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Creates the table when missing (plain portable DDL, like the CDS Hooks tables) and returns the outbox. */
    public static JdbcReevaluationOutbox create(DataSource dataSource, Clock clock) {
        JdbcReevaluationOutbox outbox = new JdbcReevaluationOutbox(dataSource, clock);
        try {
            outbox.createTable();
        } catch (DataAccessException e) {
            // Two replicas starting together on PostgreSQL can race in CREATE TABLE IF NOT EXISTS; the loser retries.
            outbox.createTable();
        }
        return outbox;
    }

    private void createTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "id VARCHAR(36) PRIMARY KEY, "
                + "patient_id VARCHAR(128) NOT NULL, "
                + "requested_at BIGINT NOT NULL, "
                + "attempts INT DEFAULT 0 NOT NULL)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_patient ON " + TABLE + " (patient_id)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + TABLE + "_requested ON " + TABLE + " (requested_at)");
    }

    /** Through Spring's JDBC support, so the insert runs on the connection of the caller's (HAPI's) transaction. */
    @Override
    public void add(String patientId, Instant requestedAt) {
        jdbc.update(
                "INSERT INTO " + TABLE + " (id, patient_id, requested_at) VALUES (?, ?, ?)",
                UUID.randomUUID().toString(),
                patientId,
                requestedAt.toEpochMilli());
    }

    @Override
    public List<String> duePatients(Instant requestedBefore, int limit) {
        return jdbc.queryForList(
                "SELECT patient_id FROM " + TABLE
                        + " WHERE requested_at <= ? GROUP BY patient_id ORDER BY MIN(requested_at)" + " LIMIT "
                        + Math.max(1, limit),
                String.class,
                requestedBefore.toEpochMilli());
    }

    @Override
    public long rowCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * On a connection of its own, outside any Spring transaction of the calling thread: the evaluation stores its
     * interpretation in HAPI's transactions on other connections, and this one only holds the claim.
     */
    @Override
    public boolean process(String patientId, Runnable evaluation) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return claimAndRun(connection, patientId, evaluation);
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Re-evaluation outbox: " + e.getMessage(), e);
        }
    }

    private boolean claimAndRun(Connection connection, String patientId, Runnable evaluation) throws SQLException {
        List<String> ids = new ArrayList<>();
        int attempts = 0;
        try (PreparedStatement claim = connection.prepareStatement(
                "SELECT id, attempts FROM " + TABLE + " WHERE patient_id = ? FOR UPDATE SKIP LOCKED")) {
            claim.setString(1, patientId);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                    attempts = Math.max(attempts, rows.getInt(2));
                }
            }
        }
        if (ids.isEmpty()) {
            connection.commit();
            return false;
        }
        try {
            evaluation.run();
        } catch (RuntimeException e) {
            postpone(connection, ids, attempts);
            connection.commit();
            throw e;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        connection.commit();
        return true;
    }

    /**
     * A failing patient is tried again after 30 s, 1 min, 2 min ... at most hourly, not on every sweep: its rows count
     * as requested that much later.
     */
    private void postpone(Connection connection, List<String> ids, int attempts) throws SQLException {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 7));
        long requested = clock.instant()
                .plus(wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait)
                .toEpochMilli();
        try (PreparedStatement postpone = connection.prepareStatement(
                "UPDATE " + TABLE + " SET requested_at = ?, attempts = attempts + 1 WHERE id = ?")) {
            for (String id : ids) {
                postpone.setLong(1, requested);
                postpone.setString(2, id);
                postpone.addBatch();
            }
            postpone.executeBatch();
        }
    }
}
