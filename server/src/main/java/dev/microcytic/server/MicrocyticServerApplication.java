package dev.microcytic.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The microcytic-cds server: HAPI FHIR R4 at {@code /fhir}, CDS Hooks at {@code /cds-services}. */
@SpringBootApplication
public class MicrocyticServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(MicrocyticServerApplication.class, args);
    }
}
