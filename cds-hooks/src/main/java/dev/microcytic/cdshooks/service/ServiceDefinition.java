package dev.microcytic.cdshooks.service;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * HAPI's discovery entry plus {@code usageRequirements}, which CDS Hooks 2.0 added and HAPI 8.8.0 lacks
 * (hapifhir/hapi-fhir#7471, open).
 */
public class ServiceDefinition extends CdsServiceJson {

    @JsonProperty("usageRequirements")
    private String usageRequirements;

    public String getUsageRequirements() {
        return usageRequirements;
    }

    public ServiceDefinition setUsageRequirements(String usageRequirements) {
        this.usageRequirements = usageRequirements;
        return this;
    }
}
