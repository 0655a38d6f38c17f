package dev.microcytic.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.cdshooks.differential.Urgency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatientAppLinkTest {

    @Test
    void plainLinkToThePatientsPageWithoutSmartLaunch() {
        PatientAppLink link = new PatientAppLink(null, () -> "https://cds.example.org/");

        assertThat(link.forPatient("p 1/x")).hasValueSatisfying(json -> {
            assertThat(json.getType()).isEqualTo("absolute");
            assertThat(json.getUrl()).isEqualTo("https://cds.example.org/app/patients/p+1%2Fx");
            assertThat(json.getLabel()).isEqualTo(PatientAppLink.LABEL);
        });
    }

    @Test
    void smartLinkToTheLaunchUrlWhenConfigured() {
        PatientAppLink link =
                new PatientAppLink("https://cds.example.org/app/launch.html", () -> "https://cds.example.org");

        assertThat(link.forPatient("p1")).hasValueSatisfying(json -> {
            assertThat(json.getType()).isEqualTo("smart");
            assertThat(json.getUrl()).isEqualTo("https://cds.example.org/app/launch.html");
        });
    }

    @Test
    void noLinkWhenTheBaseUrlIsUnknown() {
        assertThat(new PatientAppLink(" ", () -> null).forPatient("p1")).isEmpty();
        assertThat(PatientAppLink.none().forPatient("p1")).isEmpty();
    }

    @Test
    void everyCardCarriesTheAppLinkBeforeTheGuideline() {
        CardWriter writer = new CardWriter(
                id -> Optional.empty(),
                CdsServiceSettings.DONKER_2014,
                () -> "uuid",
                new PatientAppLink(null, () -> "http://localhost:8080"));

        var cards = writer.write(
                        Differentials.of(
                                List.of(Differentials.ironDeficiency(1, Urgency.WARNING), Differentials.thalTrait(2))),
                        "p1",
                        List.of())
                .getCards();

        assertThat(cards).hasSize(2).allSatisfy(card -> {
            assertThat(card.getLinks()).hasSize(2);
            assertThat(card.getLinks().get(0).getUrl()).isEqualTo("http://localhost:8080/app/patients/p1");
            assertThat(card.getLinks().get(0).getType()).isEqualTo("absolute");
            assertThat(card.getLinks().get(1).getUrl()).isEqualTo(CdsServiceSettings.DONKER_2014);
        });
    }
}
