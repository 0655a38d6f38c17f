package dev.microcytic.server.terminology;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Runs the terminology load at start-up, beside the rest of the start instead of after it.
 *
 * <p>Why: the load (46 resources on a first start, ~4 s) used to run after the context had started, while Spring was
 * still busy on one core with Jetty, HAPI's servlet and its schedulers for several seconds before that. It now
 * starts on its own thread as soon as every bean exists (the DAOs are ready then), and the application runner waits
 * for it: readiness, and so health UP, still come only after the terminology is stored, and a failed load still fails
 * the start.
 */
final class TerminologyStartupLoad implements SmartInitializingSingleton, ApplicationRunner {

    private final TerminologyResourceLoader loader;
    private CompletableFuture<TerminologyResourceLoader.LoadResult> load;

    TerminologyStartupLoad(TerminologyResourceLoader loader) {
        this.loader = loader;
    }

    @Override
    public void afterSingletonsInstantiated() {
        CompletableFuture<TerminologyResourceLoader.LoadResult> future = new CompletableFuture<>();
        load = future;
        Thread thread = new Thread(
                () -> {
                    try {
                        future.complete(loader.load());
                    } catch (RuntimeException | Error e) {
                        future.completeExceptionally(e);
                    }
                },
                "terminology-load");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            load.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
