package dev.microcytic.cdshooks.service;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Typed access to completed prefetch values, with the checks a hostile or confused client needs: a key must hold
 * the resource type its template asks for (a {@code Bundle} for searches, the {@code Patient} for the read), the
 * Patient must be the one in {@code context.patientId}, and resources about another patient are not read.
 */
final class PrefetchValues {

    private PrefetchValues() {}

    /** The Patient of the {@code patient} key (a Patient, or a Bundle holding it), or null when the key is null. */
    static Patient patient(CdsServiceRequestJson request, String key, String patientId) {
        IBaseResource value = request.getPrefetch(key);
        Patient patient = null;
        if (value == null || value instanceof OperationOutcome) {
            return null;
        } else if (value instanceof Patient direct) {
            patient = direct;
        } else if (value instanceof Bundle bundle) {
            patient = bundle.getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(Patient.class::isInstance)
                    .map(Patient.class::cast)
                    .findFirst()
                    .orElse(null);
        } else {
            throw CdsHookException.badRequest("'prefetch." + key + "' must be a Patient");
        }
        if (patient != null
                && patient.getIdElement().hasIdPart()
                && !patient.getIdElement().getIdPart().equals(patientId)) {
            throw CdsHookException.badRequest("'prefetch." + key + "' is not the patient of context.patientId");
        }
        return patient;
    }

    /**
     * The resources of a search key about this patient (a Bundle's entries, or a single resource), empty when null.
     */
    static List<Resource> resources(CdsServiceRequestJson request, String key, String patientId) {
        IBaseResource value = request.getPrefetch(key);
        List<Resource> resources = new ArrayList<>();
        if (value == null || value instanceof OperationOutcome) {
            return resources;
        }
        if (value instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.hasResource() && aboutPatient(entry.getResource(), patientId)) {
                    resources.add(entry.getResource());
                }
            }
            return resources;
        }
        if (value instanceof Resource resource && !(value instanceof Patient)) {
            if (aboutPatient(resource, patientId)) {
                resources.add(resource);
            }
            return resources;
        }
        throw CdsHookException.badRequest("'prefetch." + key + "' must be a Bundle");
    }

    static List<Observation> observations(List<Resource> resources) {
        return resources.stream()
                .filter(Observation.class::isInstance)
                .map(Observation.class::cast)
                .toList();
    }

    /** False only when the resource names another patient as its subject or patient. */
    private static boolean aboutPatient(Resource resource, String patientId) {
        Reference subject = subject(resource);
        if (subject == null || !subject.hasReference()) {
            return true;
        }
        String reference = subject.getReference();
        if (!reference.startsWith("Patient/") && !reference.contains("/Patient/")) {
            return true;
        }
        return subject.getReferenceElement().getIdPart() != null
                && subject.getReferenceElement().getIdPart().equals(patientId);
    }

    private static Reference subject(Resource resource) {
        if (resource instanceof Observation o) {
            return o.getSubject();
        }
        if (resource instanceof org.hl7.fhir.r4.model.Condition c) {
            return c.getSubject();
        }
        if (resource instanceof org.hl7.fhir.r4.model.MedicationRequest m) {
            return m.getSubject();
        }
        if (resource instanceof org.hl7.fhir.r4.model.MedicationStatement m) {
            return m.getSubject();
        }
        if (resource instanceof org.hl7.fhir.r4.model.Procedure p) {
            return p.getSubject();
        }
        if (resource instanceof org.hl7.fhir.r4.model.ServiceRequest r) {
            return r.getSubject();
        }
        return null;
    }
}
