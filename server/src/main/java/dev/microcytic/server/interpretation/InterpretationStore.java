package dev.microcytic.server.interpretation;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import dev.microcytic.cdshooks.fhir.Interpretation;
import dev.microcytic.terminology.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.RequestGroup;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.UriType;

/**
 * Persists an {@link Interpretation} and retires the patient's previous one in the same FHIR transaction, so that
 * at any time exactly one differential Observation of a patient has status {@code final}:
 *
 * <ul>
 *   <li>the previous {@code final} differential Observation becomes {@code amended} (superseded; kept for audit);
 *   <li>the previous active RequestGroup and its still-draft ServiceRequest proposals become {@code revoked};
 *   <li>every evaluation's GuidanceResponse stays (the audit trail of evaluations).
 * </ul>
 *
 * The previous resources are updated with {@code If-Match} on the version that was read, so a concurrent evaluation
 * of the same patient (another replica) fails the whole transaction instead of leaving two current interpretations;
 * the caller retries.
 */
public class InterpretationStore {

    private final DaoRegistry daoRegistry;

    public InterpretationStore(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /**
     * Stores the interpretation, supersedes the previous one, and returns the stored resources as read back (with
     * server ids and references to them), in the order of {@link Interpretation#resources()}; or nothing when
     * {@code readBack} is false (re-evaluation on ingest needs no answer).
     *
     * @param currentDifferentials the patient's current differential Observations as read with the record the
     *     interpretation was made from, with their versions (one written meanwhile by a concurrent evaluation fails
     *     the If-Match, and the caller reads again)
     */
    public List<Resource> store(
            Interpretation interpretation,
            String patientReference,
            List<Observation> currentDifferentials,
            boolean readBack) {
        RequestDetails request = new SystemRequestDetails();
        Bundle transaction = interpretation.toTransaction();
        for (Observation previous : currentDifferentials) {
            previous.setStatus(Observation.ObservationStatus.AMENDED);
            addUpdate(transaction, previous);
        }
        for (RequestGroup previous : activeRequestGroups(patientReference, request)) {
            previous.setStatus(RequestGroup.RequestStatus.REVOKED);
            addUpdate(transaction, previous);
        }
        for (ServiceRequest previous : openProposals(patientReference, request)) {
            previous.setStatus(ServiceRequest.ServiceRequestStatus.REVOKED);
            addUpdate(transaction, previous);
        }

        @SuppressWarnings("unchecked")
        IFhirSystemDao<Bundle, Meta> systemDao = daoRegistry.getSystemDao();
        Bundle response = systemDao.transaction(request, transaction);
        if (!readBack) {
            return List.of();
        }

        List<Resource> created = interpretation.resources();
        Map<String, String> assigned = new HashMap<>();
        for (int i = 0; i < created.size(); i++) {
            IdType location =
                    new IdType(response.getEntry().get(i).getResponse().getLocation());
            assigned.put(
                    created.get(i).getIdElement().getValue(),
                    location.toUnqualifiedVersionless().getValue());
        }
        List<Resource> stored = new ArrayList<>();
        for (Resource resource : created) {
            String id = assigned.get(resource.getIdElement().getValue());
            stored.add(
                    (Resource) daoRegistry.getResourceDao(resource.fhirType()).read(new IdType(id), request));
        }
        return stored;
    }

    // The two look-ups below search by subject alone and filter here: with token conditions (status, intent) as
    // well, H2's planner starts from the token index and walks every patient's rows (O(store) per evaluation); by
    // subject it reads only this patient's resources.

    private List<RequestGroup> activeRequestGroups(String patientReference, RequestDetails request) {
        return bySubject(RequestGroup.class, patientReference, request).stream()
                .filter(group -> group.getStatus() == RequestGroup.RequestStatus.ACTIVE)
                .filter(group -> group.getIntent() == RequestGroup.RequestIntent.PROPOSAL)
                .filter(group -> ours(group.getInstantiatesUri()))
                .toList();
    }

    private List<ServiceRequest> openProposals(String patientReference, RequestDetails request) {
        return bySubject(ServiceRequest.class, patientReference, request).stream()
                .filter(proposal -> proposal.getStatus() == ServiceRequest.ServiceRequestStatus.DRAFT)
                .filter(proposal -> proposal.getIntent() == ServiceRequest.ServiceRequestIntent.PROPOSAL)
                .filter(proposal -> ours(proposal.getInstantiatesUri()))
                .toList();
    }

    /** Only what this service proposed is retired; a clinician's own draft proposals are left alone. */
    private static boolean ours(List<UriType> instantiates) {
        return instantiates.stream()
                .anyMatch(uri ->
                        uri.getValue() != null && uri.getValue().startsWith(Vocabulary.KNOWLEDGE_MODULE_BASE + "/"));
    }

    private static void addUpdate(Bundle transaction, Resource previous) {
        IdType id = previous.getIdElement();
        String versionless = id.toUnqualifiedVersionless().getValue();
        Bundle.BundleEntryRequestComponent request = transaction
                .addEntry()
                .setFullUrl(versionless)
                .setResource(previous)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.PUT)
                .setUrl(versionless);
        if (id.hasVersionIdPart()) {
            request.setIfMatch("W/\"" + id.getVersionIdPart() + "\"");
        }
    }

    private <T extends IBaseResource> List<T> bySubject(
            Class<T> type, String patientReference, RequestDetails request) {
        SearchParameterMap map = SearchParameterMap.newSynchronous("subject", new ReferenceParam(patientReference));
        map.setLoadSynchronousUpTo(PatientRecordReader.MAX_RESOURCES_PER_TYPE);
        return daoRegistry.getResourceDao(type).search(map, request).getAllResources().stream()
                .map(type::cast)
                .toList();
    }
}
