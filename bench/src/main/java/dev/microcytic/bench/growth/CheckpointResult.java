package dev.microcytic.bench.growth;

import java.util.List;

/**
 * What one checkpoint measured.
 *
 * @param checkpoint the requested checkpoint (lab Observations)
 * @param observations lab Observations stored when measured
 * @param bulk the unmeasured load from the previous checkpoint up to this one's measured stretch (for its duration)
 * @param ingest the measured stretch: the last {@code window} observations before the checkpoint
 * @param drainSeconds time until the background re-evaluation had interpreted every loaded patient, or NaN
 * @param storeBytes database size on disk, or -1 when unknown
 */
record CheckpointResult(
        long checkpoint,
        long observations,
        long patients,
        IngestStretch bulk,
        IngestStretch ingest,
        double drainSeconds,
        long storeBytes,
        List<Timing> timings) {}
