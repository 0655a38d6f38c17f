package dev.microcytic.server.interpretation;

import java.time.Instant;
import java.util.List;

/**
 * The patients waiting for re-evaluation, kept where the ingest is kept: a row naming the patient is written in the
 * same database transaction as the data that changed, so a crash can lose neither the one without the other. Rows are
 * removed only after the evaluation they asked for has committed.
 */
public interface ReevaluationOutbox {

    /** Records that the patient needs a re-evaluation; joins the caller's transaction, if any. */
    void add(String patientId, Instant requestedAt);

    /**
     * Patients with at least one row requested at or before {@code requestedBefore} (now minus the debounce delay, so
     * the delay in force applies, also to rows written before a restart), the longest waiting first.
     */
    List<String> duePatients(Instant requestedBefore, int limit);

    /**
     * Claims the patient's rows that no other worker holds, runs {@code evaluation}, and deletes the claimed rows once
     * it has returned; when it throws, the rows stay and are due again after a back-off. Rows added meanwhile are not
     * claimed and ask for another run.
     *
     * @return false when there was nothing to claim (another worker or replica has it, or it is done)
     */
    boolean process(String patientId, Runnable evaluation);

    /** Rows in the outbox (waiting or being evaluated). */
    long rowCount();
}
