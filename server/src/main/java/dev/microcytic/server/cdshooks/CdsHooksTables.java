package dev.microcytic.server.cdshooks;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two tables the CDS Hooks endpoint keeps in the shared database, so that every replica sees the same feedback and
 * the same used token ids. Plain portable DDL (H2 and PostgreSQL): HAPI manages its own schema through its own
 * entity manager, and these tables are not FHIR resources.
 */
final class CdsHooksTables {

    static final String FEEDBACK = "mcds_cds_feedback";
    static final String JTI = "mcds_cds_jti";

    private final JdbcTemplate jdbc;

    private CdsHooksTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the tables when missing and returns access to them. */
    static CdsHooksTables create(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + FEEDBACK + " ("
                + "id VARCHAR(36) PRIMARY KEY, "
                + "service_id VARCHAR(64) NOT NULL, "
                + "item_index INT NOT NULL, "
                + "card_uuid VARCHAR(1024) NOT NULL, "
                + "outcome VARCHAR(16) NOT NULL, "
                + "accepted_suggestions TEXT, "
                + "override_reason_system VARCHAR(1024), "
                + "override_reason_code VARCHAR(1024), "
                + "override_reason_display VARCHAR(1024), "
                + "override_user_comment VARCHAR(1024), "
                + "outcome_timestamp VARCHAR(64) NOT NULL, "
                + "received_at BIGINT NOT NULL, "
                + "client_iss VARCHAR(1024))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + JTI + " ("
                + "jti_key VARCHAR(64) PRIMARY KEY, "
                + "expires_at BIGINT NOT NULL)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS " + JTI + "_expires ON " + JTI + " (expires_at)");
        return new CdsHooksTables(jdbc);
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }
}
