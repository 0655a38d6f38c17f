package dev.microcytic.cdshooks.service;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionActionJson;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A suggestion action with {@code resourceId}, which CDS Hooks 2.0 uses for {@code delete} (sending the resource for
 * a delete is deprecated) and HAPI 8.8.0's action type lacks.
 */
public class DeleteAction extends CdsServiceResponseSuggestionActionJson {

    @JsonProperty("resourceId")
    private String resourceId;

    public DeleteAction(String resourceId, String description) {
        this.resourceId = resourceId;
        setType("delete");
        setDescription(description);
    }

    public String getResourceId() {
        return resourceId;
    }
}
