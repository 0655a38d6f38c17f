package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

class StoredResourceTypesTest {

    @ParameterizedTest
    @CsvSource({
        "daoAccountR4, Account",
        "rpObservationR4, Observation",
        "daoMedicationStatementR4, MedicationStatement",
        "resourceDaosR4, ",
        "resourceProvidersR4, ",
        "daoAccountR5, ",
        "rpR4, "
    })
    void readsTheResourceTypeFromHapisFactoryMethodNames(String method, String type) {
        assertThat(StoredResourceTypes.resourceTypeOf(method)).isEqualTo(type);
    }

    @Test
    void keepsTheDefaultSetWithoutTheProperty() {
        StoredResourceTypes types = new StoredResourceTypes();
        types.setEnvironment(new MockEnvironment());

        assertThat(types.stored()).isEqualTo(StoredResourceTypes.DEFAULT).contains("Observation", "ValueSet");
    }

    @Test
    void keepsEveryTypeWithAll() {
        StoredResourceTypes types = new StoredResourceTypes();
        types.setEnvironment(new MockEnvironment().withProperty(StoredResourceTypes.PROPERTY, "all"));

        assertThat(types.stored()).isNull();
    }

    @Test
    void takesAConfiguredList() {
        StoredResourceTypes types = new StoredResourceTypes();
        types.setEnvironment(
                new MockEnvironment().withProperty(StoredResourceTypes.PROPERTY, "Patient, Observation,ValueSet"));

        assertThat(types.stored()).containsExactlyInAnyOrder("Patient", "Observation", "ValueSet");
    }
}
