package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class H2StoreConfigTest {

    @Test
    void anH2StoreOpensWithTheLowerCompactionFillRate() throws Exception {
        try (HikariDataSource dataSource = dataSource("jdbc:h2:mem:h2-store-config-test")) {
            H2StoreConfig.apply(dataSource);

            assertThat(dataSource.getDataSourceProperties()).containsEntry("AUTO_COMPACT_FILL_RATE", "50");
            assertThat(setting(dataSource, "AUTO_COMPACT_FILL_RATE")).isEqualTo("50");
        }
    }

    @Test
    void anH2StoreWritesEveryCommitToItsFile() throws Exception {
        try (HikariDataSource dataSource = dataSource("jdbc:h2:mem:h2-store-config-write-delay")) {
            H2StoreConfig.apply(dataSource);

            assertThat(dataSource.getDataSourceProperties()).containsEntry("WRITE_DELAY", "0");
            assertThat(setting(dataSource, "WRITE_DELAY")).isEqualTo("0");
        }
    }

    @Test
    void aWriteDelayInTheUrlWins() throws Exception {
        try (HikariDataSource dataSource = dataSource("jdbc:h2:mem:h2-store-config-delay-url;WRITE_DELAY=300")) {
            H2StoreConfig.apply(dataSource);

            assertThat(dataSource.getDataSourceProperties()).doesNotContainKey("WRITE_DELAY");
            assertThat(setting(dataSource, "WRITE_DELAY")).isEqualTo("300");
        }
    }

    @Test
    void aFillRateInTheUrlWins() throws Exception {
        try (HikariDataSource dataSource = dataSource("jdbc:h2:mem:h2-store-config-url;auto_compact_fill_rate=70")) {
            H2StoreConfig.apply(dataSource);

            assertThat(dataSource.getDataSourceProperties()).doesNotContainKey("AUTO_COMPACT_FILL_RATE");
            assertThat(setting(dataSource, "AUTO_COMPACT_FILL_RATE")).isEqualTo("70");
        }
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");

        H2StoreConfig.apply(dataSource);

        assertThat(dataSource.getDataSourceProperties()).isEmpty();
    }

    private static HikariDataSource dataSource(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    private static String setting(HikariDataSource dataSource, String name) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME = '" + name + "'")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
