package dev.microcytic.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default embedded store is an H2 file: what one server process stored, the next one serves. Starts the
 * application twice on a file database in a temporary folder (not the shared IT context). Only meaningful for H2, so
 * the PostgreSQL run skips it.
 */
@DisabledIfSystemProperty(named = AbstractServerIT.IT_PROFILE_PROPERTY, matches = "postgres")
class FileStoreRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesRestart() {
        String url = "jdbc:h2:file:" + dataDir.resolve("microcytic").toAbsolutePath();
        String mrn = UUID.randomUUID().toString();
        IdType patientId;

        try (ConfigurableApplicationContext first = start(url)) {
            Patient patient = new Patient();
            patient.addIdentifier().setSystem("urn:microcytic:it:mrn").setValue(mrn);
            patientId = (IdType)
                    client(first).create().resource(patient).execute().getId().toUnqualifiedVersionless();
        }
        assertThat(Files.exists(dataDir.resolve("microcytic.mv.db"))).isTrue();

        try (ConfigurableApplicationContext second = start(url)) {
            // The server's H2 store compacts at its own fill rate (H2StoreConfig), not H2's default of 90.
            assertThat(new JdbcTemplate(second.getBean(DataSource.class))
                            .queryForObject(
                                    "select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS"
                                            + " where SETTING_NAME = 'AUTO_COMPACT_FILL_RATE'",
                                    String.class))
                    .isEqualTo("50");
            // Every commit is written to the file before it is answered (a crash keeps acknowledged writes).
            assertThat(new JdbcTemplate(second.getBean(DataSource.class))
                            .queryForObject(
                                    // Listed twice (database setting and session), with the same value.
                                    "select distinct SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS"
                                            + " where SETTING_NAME = 'WRITE_DELAY'",
                                    String.class))
                    .isEqualTo("0");
            IGenericClient client = client(second);
            Patient patient =
                    client.read().resource(Patient.class).withId(patientId).execute();
            assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(mrn);
            Bundle found = client.search()
                    .byUrl("Patient?identifier=urn:microcytic:it:mrn|" + mrn)
                    .returnBundle(Bundle.class)
                    .execute();
            assertThat(found.getTotal()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String jdbcUrl) {
        return new SpringApplicationBuilder(MicrocyticServerApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--spring.main.banner-mode=off");
    }

    private static IGenericClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return AbstractServerIT.fhirContext().newRestfulGenericClient("http://localhost:" + port + "/fhir");
    }
}
