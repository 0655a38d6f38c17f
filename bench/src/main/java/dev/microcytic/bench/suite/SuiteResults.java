package dev.microcytic.bench.suite;

import dev.microcytic.bench.load.LoadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Everything one suite run measured, in the order it was measured. Not thread-safe; the suite is sequential. */
final class SuiteResults {

    static final String PLAIN = "plain HAPI 8.8.0 JPA";

    record Start(String server, double healthySeconds, OptionalDouble springSeconds, long rssKbAfterStart) {}

    record FirstCall(int index, int status, double millis, List<String> cards) {}

    record Drain(long differentials, long expected, double seconds) {}

    /** How long a warm-up ran and the compiler threads' CPU (share of one core) over its last 10 s. */
    record WarmupLength(String name, double seconds, double compilerShare, boolean quiet) {}

    record Ingest(String label, int round, LoadResult run, int resourcesPerTransaction, Drain drain) {

        double transactionsPerSecond() {
            return run.completed() == 0 ? 0 : (run.completed() - run.errors()) / run.seconds();
        }

        double resourcesPerSecond() {
            return transactionsPerSecond() * resourcesPerTransaction;
        }
    }

    private final List<Start> starts = new ArrayList<>();
    private final Map<String, String> commands = new LinkedHashMap<>();
    private final List<FirstCall> firstCalls = new ArrayList<>();
    private final List<LoadResult> warmups = new ArrayList<>();
    private final List<LoadResult> patientView = new ArrayList<>();
    private final List<LoadResult> fallback = new ArrayList<>();
    private final List<dev.microcytic.bench.load.WrkRun> wrk = new ArrayList<>();
    private final List<Ingest> ingest = new ArrayList<>();
    private final List<WarmupLength> warmupLengths = new ArrayList<>();
    private final Map<String, MemorySampler.MemoryPeak> memory = new LinkedHashMap<>();
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private List<String> prefetchKeys = List.of();
    private List<String> fallbackCards = List.of();
    private int fallbackStatus;
    private int requestBytes;

    void command(String server, String command) {
        commands.put(server, command);
    }

    void started(String server, double healthySeconds, OptionalDouble springSeconds) {
        starts.add(new Start(server, healthySeconds, springSeconds, -1));
    }

    void afterStart(String server, long rssKb) {
        for (int i = starts.size() - 1; i >= 0; i--) {
            Start s = starts.get(i);
            if (s.server().equals(server)) {
                starts.set(i, new Start(s.server(), s.healthySeconds(), s.springSeconds(), rssKb));
                return;
            }
        }
    }

    void firstCall(int index, int status, double millis, List<String> cards) {
        firstCalls.add(new FirstCall(index, status, millis, List.copyOf(cards)));
    }

    void discoveredPrefetch(List<String> keys) {
        prefetchKeys = keys;
    }

    void requestBytes(int bytes) {
        requestBytes = bytes;
    }

    void fallbackCheck(int status, List<String> cards) {
        fallbackStatus = status;
        fallbackCards = List.copyOf(cards);
    }

    void warmup(LoadResult result) {
        warmups.add(checked(result));
    }

    void patientView(LoadResult result) {
        patientView.add(checked(result));
    }

    void wrk(dev.microcytic.bench.load.WrkRun run) {
        org.slf4j.LoggerFactory.getLogger(SuiteResults.class).info("{}", run.summary());
        if (run.errors() > 0) {
            problems.add(run.summary());
        }
        wrk.add(run);
    }

    List<dev.microcytic.bench.load.WrkRun> wrk() {
        return wrk;
    }

    void note(String note) {
        org.slf4j.LoggerFactory.getLogger(SuiteResults.class).info("{}", note);
    }

    void fallback(LoadResult result) {
        fallback.add(checked(result));
    }

    void ingest(String label, int round, LoadResult run, int resourcesPerTransaction, Drain drain) {
        ingest.add(new Ingest(label, round, checked(run), resourcesPerTransaction, drain));
    }

    void warmupLength(String name, double seconds, double compilerShare, boolean quiet) {
        warmupLengths.add(new WarmupLength(name, seconds, compilerShare, quiet));
    }

    List<WarmupLength> warmupLengths() {
        return warmupLengths;
    }

    void memory(String phase, MemorySampler.MemoryPeak peak) {
        memory.put(phase, peak);
    }

    /** The highest of the peaks a phase that runs several times reached. */
    void memoryPeak(String phase, MemorySampler.MemoryPeak peak) {
        memory.merge(phase, peak, MemorySampler.MemoryPeak::max);
    }

    void profile(String server, String hotMethods) {
        profiles.put(server, hotMethods);
    }

    void problem(String problem) {
        problems.add(problem);
    }

    private LoadResult checked(LoadResult result) {
        org.slf4j.LoggerFactory.getLogger(SuiteResults.class).info("{}", result.summary());
        if (result.errors() > 0) {
            problems.add(result.name() + " [" + result.mode() + "]: " + result.errors() + " errors, e.g. "
                    + result.errorSamples());
        }
        if (result.completed() == 0) {
            problems.add(result.name() + " [" + result.mode() + "]: no request completed");
        }
        return result;
    }

    List<Start> starts() {
        return starts;
    }

    Map<String, String> commands() {
        return commands;
    }

    List<FirstCall> firstCalls() {
        return firstCalls;
    }

    List<LoadResult> warmups() {
        return warmups;
    }

    List<LoadResult> patientView() {
        return patientView;
    }

    List<LoadResult> fallback() {
        return fallback;
    }

    List<Ingest> ingest() {
        return ingest;
    }

    Map<String, MemorySampler.MemoryPeak> memory() {
        return memory;
    }

    Map<String, String> profiles() {
        return profiles;
    }

    List<String> problems() {
        return problems;
    }

    List<String> prefetchKeys() {
        return prefetchKeys;
    }

    List<String> fallbackCards() {
        return fallbackCards;
    }

    int fallbackStatus() {
        return fallbackStatus;
    }

    int requestBytes() {
        return requestBytes;
    }
}
