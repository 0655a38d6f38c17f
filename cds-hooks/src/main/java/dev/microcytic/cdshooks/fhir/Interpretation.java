package dev.microcytic.cdshooks.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.GuidanceResponse;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * One evaluation as FHIR resources: the differential Observation, the GuidanceResponse that audits the
 * evaluation, the RequestGroup and the ServiceRequest proposals for the next tests. When nothing microcytic was found
 * only the GuidanceResponse exists.
 *
 * <p>Resources reference each other by {@code urn:uuid:} placeholders ({@link Resource#getIdElement()} holds the
 * placeholder) until a server assigns ids, so the set can be posted as one FHIR transaction.
 *
 * @param guidance the evaluation record; {@code result} points at the RequestGroup when there is one
 * @param differential the differential Observation, or null when nothing microcytic was found
 * @param requestGroup the proposals as a group, or null when there are none
 * @param proposals one ServiceRequest (status draft, intent proposal) per next test
 */
public record Interpretation(
        GuidanceResponse guidance,
        Observation differential,
        RequestGroup requestGroup,
        List<ServiceRequest> proposals) {

    public Interpretation {
        proposals = List.copyOf(proposals);
    }

    public Optional<Observation> differentialObservation() {
        return Optional.ofNullable(differential);
    }

    /** True when the evaluation found nothing microcytic (only the GuidanceResponse exists). */
    public boolean isEmpty() {
        return differential == null;
    }

    /** Every resource, in this order: Observation, GuidanceResponse, RequestGroup, ServiceRequests. */
    public List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        if (differential != null) {
            resources.add(differential);
        }
        resources.add(guidance);
        if (requestGroup != null) {
            resources.add(requestGroup);
        }
        resources.addAll(proposals);
        return resources;
    }

    /**
     * A {@code collection} Bundle of resources that have not been stored: each entry's fullUrl is its
     * {@code urn:uuid:} placeholder, and the resource itself carries no id (a placeholder is not a valid id).
     */
    public Bundle toUnsavedCollection() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Resource resource : resources()) {
            Resource copy = resource.copy();
            copy.setIdElement(null);
            bundle.addEntry().setFullUrl(resource.getIdElement().getValue()).setResource(copy);
        }
        return bundle;
    }

    /** A {@code transaction} Bundle that creates every resource (placeholders are resolved by the server). */
    public Bundle toTransaction() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (Resource resource : resources()) {
            Resource copy = resource.copy();
            copy.setIdElement(null);
            bundle.addEntry()
                    .setFullUrl(resource.getIdElement().getValue())
                    .setResource(copy)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.POST)
                    .setUrl(resource.fhirType());
        }
        return bundle;
    }
}
