package dev.microcytic.cdshooks.service;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseLinkJson;
import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.cdshooks.fhir.TestPriority;
import dev.microcytic.terminology.ValueFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The markdown detail of a cause's card, short enough to read in a few seconds (CDS Hooks 2.0 §Card: the detail
 * supplements the summary): the deciding findings, the one finding most against it, how the discrimination
 * indices vote, the next tests in the order to order them, at most one caveat, a pointer to the patient's page in the
 * web app (where every value, index, piece of evidence and the trend are), the knowledge version and the numbered
 * references of what it cites.
 */
final class CardDetail {

    /** The findings shown for a cause; the rest are on the patient's page. */
    static final int MAX_FINDINGS = 3;

    /** The next tests named in the detail (the suggestions carry the same, capped, list). */
    static final int MAX_TESTS = 4;

    /** The notes on unusable or missing input named in the detail. */
    static final int MAX_DATA_NOTES = 2;

    /** The share of a card's detail, up to its reference list, aimed for (nine cards in ten stay within it). */
    static final int TARGET_LENGTH = 800;

    private CardDetail() {}

    static String write(
            CandidateCause cause,
            Differential differential,
            List<String> dataNotes,
            CardReferences references,
            Optional<CdsServiceResponseLinkJson> appLink) {
        List<Evidence> findings = findings(cause, differential);
        String text = compose(cause, differential, findings, dataNotes, references, appLink, true);
        if (text.length() > TARGET_LENGTH && findings.size() > 2) {
            // the third finding goes to the patient's page before anything else does
            references.clear();
            findings = findings.subList(0, 2);
            text = compose(cause, differential, findings, dataNotes, references, appLink, true);
        }
        if (text.length() > TARGET_LENGTH) {
            // then the reason of the first test (the suggestion carries it)
            references.clear();
            text = compose(cause, differential, findings, dataNotes, references, appLink, false);
        }
        StringBuilder md = new StringBuilder(text);
        references.appendTo(md);
        return md.toString();
    }

    private static String compose(
            CandidateCause cause,
            Differential differential,
            List<Evidence> findings,
            List<String> dataNotes,
            CardReferences refs,
            Optional<CdsServiceResponseLinkJson> appLink,
            boolean firstTestReason) {
        StringBuilder md = new StringBuilder();
        md.append("**")
                .append(CardText.cell(CardWriter.unhedged(cause.display())))
                .append(": ")
                .append(CardWriter.likelihoodWord(cause.likelihood()))
                .append("** (rank ")
                .append(cause.rank())
                .append(" of ")
                .append(differential.causes().size())
                .append(")\n\n");
        for (Evidence item : findings) {
            md.append("- ")
                    .append(CardText.cell(item.statement()))
                    .append(marker(refs, item.sourceId()))
                    .append('\n');
        }
        indexVote(differential, cause, refs)
                .ifPresent(line -> md.append("- ").append(line).append('\n'));
        cause.opposing().stream().findFirst().ifPresent(against -> md.append("- Against: ")
                .append(CardText.cell(against.statement()))
                .append(marker(refs, against.sourceId()))
                .append('\n'));
        List<SuggestedTest> tests = TestPriority.forCause(cause);
        if (!tests.isEmpty()) {
            md.append("\n**Next:** ");
            int n = 1;
            for (SuggestedTest test : tests.stream().limit(MAX_TESTS).toList()) {
                md.append(n > 1 ? "; " : "").append(n).append(". ").append(CardText.cell(test.display()));
                if (n++ == 1
                        && firstTestReason
                        && test.reason() != null
                        && !test.reason().isBlank()) {
                    // why the first test comes first
                    md.append(": ").append(CardText.cell(test.reason()));
                }
            }
            if (tests.size() > MAX_TESTS) {
                md.append("; +").append(tests.size() - MAX_TESTS).append(" more");
            }
            md.append('\n');
        }
        caveat(md, cause, differential, dataNotes, refs);
        md.append('\n');
        appLink.ifPresent(link -> md.append(pageLink(link)).append(' '));
        md.append("Knowledge microcytic ")
                .append(CardText.cell(differential.knowledgeVersion()))
                .append('.');
        return md.toString();
    }

    /**
     * The deciding findings: the cause's supporting evidence (the red-cell findings for a cause without any), without
     * the engine's sentence on the indices, which the card replaces by its own count of the indices the page shows.
     */
    static List<Evidence> findings(CandidateCause cause, Differential differential) {
        List<Evidence> source =
                cause.supporting().isEmpty() ? differential.findings().evidence() : cause.supporting();
        List<Evidence> shown = new ArrayList<>(MAX_FINDINGS);
        for (Evidence item : source) {
            if (isIndexVote(item, differential)) {
                continue;
            }
            shown.add(item);
            if (shown.size() == MAX_FINDINGS) {
                break;
            }
        }
        return shown;
    }

    /** Whether the finding is the engine's sentence on how the discrimination indices lean. */
    private static boolean isIndexVote(Evidence item, Differential differential) {
        return !differential.indices().isEmpty()
                && item.analyte() == null
                && item.value() == null
                && item.statement() != null
                && item.statement().toLowerCase(Locale.ROOT).contains("discrimination indices");
    }

    /**
     * How the computed indices vote, counted over every index the patient's page lists, when the cause rests on them
     * (thalassaemia trait or iron deficiency, or the engine cited their lean).
     */
    private static Optional<String> indexVote(Differential differential, CandidateCause cause, CardReferences refs) {
        List<ComputedIndex> indices = differential.indices();
        boolean cited = cause.supporting().stream().anyMatch(e -> isIndexVote(e, differential))
                || cause.opposing().stream().anyMatch(e -> isIndexVote(e, differential));
        if (indices.isEmpty() || !cited) {
            return Optional.empty();
        }
        long thal = indices.stream()
                .filter(i -> "thalassemia-trait".equals(i.favours()))
                .count();
        long iron = indices.size() - thal;
        boolean thalSide = thal > iron;
        String mentzer = indices.stream()
                .filter(i -> i.code().equals("mentzer"))
                .findFirst()
                .map(i -> "; Mentzer " + ValueFormat.display(i.value()) + marker(refs, i.sourceId()))
                .orElse("");
        return Optional.of("Indices: " + (thalSide ? thal : iron) + " of " + indices.size() + " point to "
                + (thalSide ? "thalassaemia trait" : "iron deficiency") + mentzer);
    }

    /**
     * At most one caveat (the cause's own first, else the differential's), and what the readers could not use (missing
     * records, unusable results): the card must not look complete when its input was not.
     */
    private static void caveat(
            StringBuilder md,
            CandidateCause cause,
            Differential differential,
            List<String> dataNotes,
            CardReferences refs) {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        String first = null;
        String firstSource = null;
        for (Caveat caveat : cause.caveats()) {
            if (texts.add(caveat.text()) && first == null) {
                first = caveat.text();
                firstSource = caveat.sourceId();
            }
        }
        for (Caveat caveat : differential.caveats()) {
            if (texts.add(caveat.text()) && first == null) {
                first = caveat.text();
                firstSource = caveat.sourceId();
            }
        }
        if (first != null) {
            md.append("\n**Caveat:** ").append(CardText.cell(first)).append(marker(refs, firstSource));
            if (texts.size() > 1) {
                md.append(" (+").append(texts.size() - 1).append(" more on the patient page)");
            }
            md.append('\n');
        }
        List<String> notes = List.copyOf(new LinkedHashSet<>(dataNotes));
        if (!notes.isEmpty()) {
            md.append("\n**Input:** ");
            notes.stream().limit(MAX_DATA_NOTES).forEach(note -> md.append(CardText.cell(note))
                    .append(' '));
            if (notes.size() > MAX_DATA_NOTES) {
                md.append("(+").append(notes.size() - MAX_DATA_NOTES).append(" more on the patient page)");
            }
            md.setLength(md.length() - (md.charAt(md.length() - 1) == ' ' ? 1 : 0));
            md.append('\n');
        }
    }

    private static String pageLink(CdsServiceResponseLinkJson link) {
        if ("absolute".equals(link.getType())) {
            return "[All values, indices, evidence and trend](" + link.getUrl() + ").";
        }
        return "All values, indices, evidence and trend: \"" + link.getLabel() + "\" below.";
    }

    private static String marker(CardReferences refs, String sourceId) {
        String marker = refs.marker(sourceId);
        return marker.isEmpty() ? "" : " " + marker;
    }
}
