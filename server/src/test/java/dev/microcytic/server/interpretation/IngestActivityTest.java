package dev.microcytic.server.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class IngestActivityTest {

    @Test
    void busyOnlyWhileWritingOnSaturatedCpus() throws Exception {
        double[] load = {0.95};
        IngestActivity activity = new IngestActivity(() -> load[0]);
        assertThat(activity.busy()).isFalse();

        AtomicBoolean busyInside = new AtomicBoolean();
        FilterChain chain = (request, response) -> busyInside.set(activity.busy());
        activity.doFilter(request("POST"), null, chain);
        assertThat(busyInside).isTrue();
        // Right after a write (clients send the next one within milliseconds) it still counts.
        assertThat(activity.busy()).isTrue();

        activity.doFilter(request("GET"), null, chain);
        assertThat(busyInside).isTrue();
    }

    @Test
    void spareCpuMeansNotBusyEvenWhileWriting() throws Exception {
        IngestActivity activity = new IngestActivity(() -> 0.40);
        AtomicBoolean busyInside = new AtomicBoolean(true);
        activity.doFilter(request("POST"), null, (request, response) -> busyInside.set(activity.busy()));
        assertThat(busyInside).isFalse();
    }

    @Test
    void readsAloneNeverCountAsIngest() throws Exception {
        IngestActivity activity = new IngestActivity(() -> 1.0);
        AtomicBoolean busyInside = new AtomicBoolean(true);
        activity.doFilter(request("GET"), null, (request, response) -> busyInside.set(activity.busy()));
        assertThat(busyInside).isFalse();
    }

    private static HttpServletRequest request(String method) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                IngestActivityTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, invoked, args) -> "getMethod".equals(invoked.getName()) ? method : null);
    }
}
