package dev.microcytic.server.fhir;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Settings for the embedded H2 store (the default; PostgreSQL is untouched).
 *
 * <p>H2 rewrites ("compacts") the live pages of partly dead file chunks in its background thread. At H2's default
 * target fill rate of 90 % it does this all through an ingest load: in a JFR profile of lab transactions the compaction
 * took 8 % of the server's CPU, and the page serialisation that writes what it rewrote shares another 12 %. At 50 %,
 * H2 compacts under load only chunks below 25 % live (H2 squares the target while busy), and the rest once the store
 * is idle. Measured with two servers under the same alternating ingest load: 6.4-7.5 CPU ticks per transaction
 * instead of 7.8-11.0, for 11.2 KB of file per stored Observation instead of 10.3 KB (with compaction off: 14.0 KB),
 * measured with H2's default write delay.
 *
 * <p>H2 writes committed data to its file in a background thread, by default up to a second later
 * ({@code WRITE_DELAY}, 500 ms in H2 2.x): a process killed in that window lost transactions that had already been
 * answered 200. With {@code WRITE_DELAY=0} every commit writes its changes to the file before it returns (H2's
 * {@code TransactionStore.endTransaction} then calls {@code MVStore.commit()}, which waits for the store lock), so an
 * acknowledged write survives a crash of the process. H2 does not fsync each commit: the operating system's cache
 * holds the data through a process crash, not through a power loss (PostgreSQL does). The cost is file size: each
 * commit becomes a chunk of whole copied pages, and under a sustained ingest the file grew by 150-300 KB per stored
 * lab Observation, which H2 did not reuse while the server ran (README: H2 is for trials and tests, PostgreSQL for
 * continuous ingest).
 */
@Configuration(proxyBeanMethods = false)
public class H2StoreConfig {

    /** The H2 setting (a {@code DbSettings} key, read when the database is opened). */
    static final String AUTO_COMPACT_FILL_RATE = "AUTO_COMPACT_FILL_RATE";

    static final String FILL_RATE = "50";

    /** The H2 setting (a {@code SET} command accepted in the URL), and its value: write at every commit. */
    static final String WRITE_DELAY = "WRITE_DELAY";

    static final String NO_WRITE_DELAY = "0";

    @Bean
    static BeanPostProcessor h2StoreSettings() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource dataSource) {
                    apply(dataSource);
                }
                return bean;
            }
        };
    }

    /**
     * Passes the fill rate and the write delay to H2 as connection properties, each unless the JDBC URL names it
     * itself (H2 refuses the same setting twice with two values, and an operator's URL wins).
     */
    static void apply(HikariDataSource dataSource) {
        String url = dataSource.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return;
        }
        setUnlessGiven(dataSource, url, AUTO_COMPACT_FILL_RATE, FILL_RATE);
        setUnlessGiven(dataSource, url, WRITE_DELAY, NO_WRITE_DELAY);
    }

    private static void setUnlessGiven(HikariDataSource dataSource, String url, String setting, String value) {
        if (url.toUpperCase(Locale.ROOT).contains(setting)
                || dataSource.getDataSourceProperties().containsKey(setting)) {
            return;
        }
        dataSource.addDataSourceProperty(setting, value);
    }
}
