package dev.microcytic.server.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Stores the FHIR terminology resources of the bundled knowledge package (CodeSystems, ValueSets, ConceptMap) in the
 * JPA server, so {@code $lookup}, {@code $expand} and {@code $translate} answer on them.
 *
 * <p>Idempotent: each resource is matched by {@code url} + {@code version}; a match is updated in place (HAPI makes no
 * new version when nothing changed), otherwise the resource is created under the id its file gives. A restart never
 * duplicates them. CodeSystems go first because the ValueSets and the ConceptMap refer to them.
 */
public final class TerminologyResourceLoader {

    private static final Logger log = LoggerFactory.getLogger(TerminologyResourceLoader.class);
    private static final List<String> ORDER = List.of("CodeSystem", "ValueSet", "ConceptMap");
    private static final int LOAD_THREADS = 2;

    private final DaoRegistry daoRegistry;
    private final FhirContext fhirContext;
    private final ResourcePatternResolver resolver;

    public TerminologyResourceLoader(DaoRegistry daoRegistry, FhirContext fhirContext) {
        this.daoRegistry = daoRegistry;
        this.fhirContext = fhirContext;
        this.resolver = new PathMatchingResourcePatternResolver(TerminologyResourceLoader.class.getClassLoader());
    }

    /** What one load did. */
    public record LoadResult(String knowledgeVersion, int created, int updated, int unchanged) {
        public int total() {
            return created + updated + unchanged;
        }
    }

    /**
     * Loads (or refreshes) every terminology resource of the bundled package: the CodeSystems one after another, then
     * the ValueSets and the ConceptMap on two threads. They only refer to the CodeSystems (none includes another
     * ValueSet), and each is its own HAPI transaction; in parallel the load no longer holds up a start for ~4 s.
     */
    public LoadResult load() {
        List<MetadataResource> resources = bundledResources();
        List<DaoMethodOutcome> outcomes = new ArrayList<>();
        List<MetadataResource> dependents = new ArrayList<>();
        for (MetadataResource resource : resources) {
            if ("CodeSystem".equals(resource.fhirType())) {
                outcomes.add(store(resource));
            } else {
                dependents.add(resource);
            }
        }
        outcomes.addAll(storeInParallel(dependents));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (DaoMethodOutcome outcome : outcomes) {
            if (Boolean.TRUE.equals(outcome.getCreated())) {
                created++;
            } else if (outcome.isNop()) {
                unchanged++;
            } else {
                updated++;
            }
        }
        LoadResult result = new LoadResult(KnowledgePackage.load().version(), created, updated, unchanged);
        log.info(
                "Knowledge package {} terminology: {} created, {} updated, {} unchanged",
                result.knowledgeVersion(),
                created,
                updated,
                unchanged);
        return result;
    }

    private List<DaoMethodOutcome> storeInParallel(List<MetadataResource> resources) {
        ExecutorService workers = Executors.newFixedThreadPool(LOAD_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "terminology-store");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<DaoMethodOutcome>> futures = new ArrayList<>();
            for (MetadataResource resource : resources) {
                futures.add(workers.submit(() -> store(resource)));
            }
            List<DaoMethodOutcome> outcomes = new ArrayList<>();
            for (Future<DaoMethodOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("Terminology load failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Terminology load interrupted", e);
        } finally {
            workers.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private DaoMethodOutcome store(MetadataResource resource) {
        IFhirResourceDao<IBaseResource> dao = daoRegistry.getResourceDao(resource.fhirType());
        SystemRequestDetails request = new SystemRequestDetails();
        SearchParameterMap byUrlAndVersion = SearchParameterMap.newSynchronous()
                .add("url", new UriParam(resource.getUrl()))
                .add("version", new TokenParam(resource.getVersion()));
        IBundleProvider found = dao.search(byUrlAndVersion, request);
        List<IBaseResource> existing = found.getAllResources();
        if (!existing.isEmpty() && sameContent((MetadataResource) existing.get(0), resource)) {
            // A restart on a store that already holds this release: no update, which HAPI would run in full (parse,
            // extract the search parameters, hash) only to find the resource unchanged.
            DaoMethodOutcome unchanged = new DaoMethodOutcome();
            unchanged.setNop(true);
            unchanged.setCreated(false);
            unchanged.setId(existing.get(0).getIdElement());
            unchanged.setResource(existing.get(0));
            return unchanged;
        }
        if (!existing.isEmpty()) {
            resource.setId(existing.get(0).getIdElement().toUnqualifiedVersionless());
        } else {
            resource.setId(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
        }
        return dao.update(resource, request);
    }

    /** Whether the stored resource holds the bundled content (everything but id, meta and narrative). */
    static boolean sameContent(MetadataResource stored, MetadataResource bundled) {
        MetadataResource a = stored.copy();
        MetadataResource b = bundled.copy();
        for (MetadataResource r : List.of(a, b)) {
            r.setIdElement(null);
            r.setMeta(null);
            r.setText(null);
        }
        return a.equalsDeep(b);
    }

    /** The package's FHIR terminology resources as bundled, CodeSystems first. */
    List<MetadataResource> bundledResources() {
        Resource[] files;
        try {
            files = resolver.getResources("classpath*:" + KnowledgePackage.CLASSPATH_ROOT + "fhir/*.json");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the knowledge package's FHIR resources", e);
        }
        List<MetadataResource> resources = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                resources.add((MetadataResource) fhirContext.newJsonParser().parseResource(json));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file.getDescription(), e);
            }
        }
        if (resources.isEmpty()) {
            throw new IllegalStateException(
                    "No FHIR resources in knowledge package " + KnowledgePackage.CLASSPATH_ROOT);
        }
        resources.sort(Comparator.comparingInt((MetadataResource r) -> ORDER.indexOf(r.fhirType()))
                .thenComparing(r -> Objects.requireNonNullElse(r.getUrl(), "")));
        return resources;
    }
}
