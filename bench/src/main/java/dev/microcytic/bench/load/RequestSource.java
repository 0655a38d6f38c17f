package dev.microcytic.bench.load;

import java.net.http.HttpRequest;

/** Produces the n-th request of a run; called from the sending thread(s), so implementations must be cheap. */
@FunctionalInterface
public interface RequestSource {

    HttpRequest request(long sequence);
}
