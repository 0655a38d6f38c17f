package dev.microcytic.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's {@code jdk.ExecutionSample} events, what {@code jfr print --events
 * jdk.ExecutionSample} lists one by one: the hottest leaf methods, the hottest leaf packages, and the
 * {@code dev.microcytic} methods most often on the stack (inclusive).
 */
public final class JfrHotMethods {

    private JfrHotMethods() {}

    public static String summarize(Path recording, int top) throws IOException {
        return summarize(recording, top, null);
    }

    /**
     * As {@link #summarize(Path, int)}, counting only samples with a frame whose {@code class.method} contains
     * {@code onStack} (e.g. {@code CdsHooksController.call}: the CDS request path without start-up and ingest).
     */
    public static String summarize(Path recording, int top, String onStack) throws IOException {
        Map<String, Integer> leaf = new HashMap<>();
        Map<String, Integer> leafPackage = new HashMap<>();
        Map<String, Integer> ownInclusive = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()
                        || (onStack != null
                                && frames.stream()
                                        .noneMatch(f -> name(f.getMethod()).contains(onStack)))) {
                    continue;
                }
                samples++;
                RecordedMethod top0 = frames.get(0).getMethod();
                leaf.merge(name(top0), 1, Integer::sum);
                leafPackage.merge(packageOf(top0.getType().getName()), 1, Integer::sum);
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (seen.add(method)) {
                        inclusive.merge(method, 1, Integer::sum);
                        if (method.startsWith("dev.microcytic.")) {
                            ownInclusive.merge(method, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(samples)
                .append(" execution samples")
                .append(onStack == null ? "" : " with " + onStack + " on the stack")
                .append('\n');
        section(out, "hottest leaf methods", leaf, samples, top);
        section(out, "hottest leaf packages", leafPackage, samples, top);
        section(out, "dev.microcytic methods on the stack (inclusive)", ownInclusive, samples, top);
        if (onStack != null) {
            section(out, "methods on the stack (inclusive)", inclusive, samples, top * 3);
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts, int total, int top) {
        out.append("-- ").append(title).append('\n');
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> out.append(String.format(
                        Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey())));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    /** The first three package segments: enough to tell Jackson from Hibernate from H2 from HAPI. */
    private static String packageOf(String type) {
        String[] parts = type.split("\\.");
        int n = Math.min(3, Math.max(1, parts.length - 1));
        return String.join(".", java.util.Arrays.copyOf(parts, n));
    }
}
