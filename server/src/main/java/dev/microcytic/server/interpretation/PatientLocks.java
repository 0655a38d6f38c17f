package dev.microcytic.server.interpretation;

import com.google.common.util.concurrent.Striped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Serialises the evaluations of one patient, so that two of them never read the same current differential and both
 * supersede it. On PostgreSQL the lock is the database's (an advisory lock), shared by every replica on the database
 * and released by the database when the process holding it dies; the embedded H2 store belongs to one process, so a
 * lock in this JVM is enough there.
 */
public interface PatientLocks {

    /** Runs {@code work} while holding the patient's lock, waiting for it as long as it takes. */
    <T> T withLock(String patientId, Supplier<T> work);

    /** The locks for the database behind {@code dataSource}, chosen by its JDBC URL. */
    static PatientLocks forDatabase(DataSource dataSource, String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")
                ? new AdvisoryLocks(dataSource)
                : new InProcessLocks();
    }

    /** Locks of this JVM (striped: patients hashing alike share a lock, which costs only waiting). */
    final class InProcessLocks implements PatientLocks {

        private final Striped<Lock> locks = Striped.lazyWeakLock(1024);

        @Override
        public <T> T withLock(String patientId, Supplier<T> work) {
            Lock lock = locks.get(patientId);
            lock.lock();
            try {
                return work.get();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * PostgreSQL session advisory locks, one 64-bit key per patient, held on a pooled connection of their own (outside
     * HAPI's transactions, which then retry nothing and wait for nothing of ours).
     */
    final class AdvisoryLocks implements PatientLocks {

        private final DataSource dataSource;

        public AdvisoryLocks(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public <T> T withLock(String patientId, Supplier<T> work) {
            long key = key(patientId);
            try (Connection connection = dataSource.getConnection()) {
                call(connection, "SELECT pg_advisory_lock(?)", key);
                try {
                    return work.get();
                } finally {
                    call(connection, "SELECT pg_advisory_unlock(?)", key);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Patient lock: " + e.getMessage(), e);
            }
        }

        private static void call(Connection connection, String sql, long key) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, key);
                try (ResultSet ignored = statement.executeQuery()) {
                    // pg_advisory_lock returns void; pg_advisory_unlock false only for a lock this session lacks.
                }
            }
        }

        /** A stable key from the patient id (another application's advisory keys would have to collide by chance). */
        static long key(String patientId) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(("microcytic.patient/" + patientId).getBytes(StandardCharsets.UTF_8));
                long key = 0;
                for (int i = 0; i < Long.BYTES; i++) {
                    key = (key << 8) | (digest[i] & 0xff);
                }
                return key;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }
}
