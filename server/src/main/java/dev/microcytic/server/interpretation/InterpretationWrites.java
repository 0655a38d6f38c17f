package dev.microcytic.server.interpretation;

import java.util.function.Supplier;

/**
 * Marks the current thread while the service stores its own interpretation, so the ingest hooks ignore those writes
 * (a second guard besides {@link IngestRelevance} ignoring the service's resource types and codes).
 */
final class InterpretationWrites {

    private static final ThreadLocal<Boolean> IN_PROGRESS = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private InterpretationWrites() {}

    static boolean inProgress() {
        return IN_PROGRESS.get();
    }

    static <T> T run(Supplier<T> write) {
        boolean outer = IN_PROGRESS.get();
        IN_PROGRESS.set(Boolean.TRUE);
        try {
            return write.get();
        } finally {
            IN_PROGRESS.set(outer);
        }
    }
}
