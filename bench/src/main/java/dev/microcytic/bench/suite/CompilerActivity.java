package dev.microcytic.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of a server's JIT compiler threads ({@code C1/C2 CompilerThread}), read from {@code /proc/<pid>/task}, so
 * a warm-up can run until the server has compiled its hot paths instead of for a fixed time.
 *
 * <p>Why: on a slower 2-core machine the C2 threads of a server under ingest load still used 7 of every 40 CPU
 * seconds after 3 minutes (ingest rose from 23 to 32 transactions/s while they quietened), so a fixed 30 s warm-up
 * measured the JIT, not the server. The JVM offers no per-thread CPU of another process, hence {@code /proc}.
 */
final class CompilerActivity {

    /** Clock ticks per second of {@code /proc/<pid>/task/<tid>/stat} (USER_HZ, 100 on Linux). */
    static final double TICKS_PER_SECOND = 100;

    private CompilerActivity() {}

    /** Compiler threads' user + system CPU ticks so far, or -1 where {@code /proc} cannot tell (not Linux). */
    static long compilerTicks(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    ticks += compilerTicksOf(Files.readString(thread.resolve("stat")));
                } catch (IOException e) {
                    // The thread ended between listing and reading.
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks;
    }

    /** utime + stime of one {@code stat} line when its thread is a JIT compiler thread, else 0. */
    static long compilerTicksOf(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return 0;
        }
        String name = stat.substring(open + 1, close);
        if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
            return 0;
        }
        // After the name: state(3) ppid(4) ... utime(14) stime(15); fields counted from 1 with pid and name first.
        String[] fields = stat.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
