package dev.microcytic.server.cdshooks;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceAcceptedSuggestionJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceFeedbackJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceOverrideReasonJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCodingJson;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores CDS Hooks feedback (accepted / overridden cards) in the database, one row per feedback item, so that accept
 * and override rates can be measured across replicas and restarts. Items of one request are stored all or nothing.
 */
public final class FeedbackStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FeedbackStore(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One stored feedback item as read back. */
    public record StoredFeedback(
            String serviceId,
            String card,
            String outcome,
            List<String> acceptedSuggestions,
            String overrideReasonCode,
            String overrideReasonSystem,
            String overrideComment,
            String outcomeTimestamp,
            String clientIssuer) {}

    void save(String serviceId, List<CdsServiceFeedbackJson> items, String clientIssuer) {
        long now = clock.millis();
        transactions.executeWithoutResult(status -> {
            for (int index = 0; index < items.size(); index++) {
                CdsServiceFeedbackJson item = items.get(index);
                CdsServiceOverrideReasonJson override = item.getOverrideReason();
                CdsServiceResponseCodingJson reason = override == null ? null : override.getReason();
                jdbc.update(
                        "INSERT INTO " + CdsHooksTables.FEEDBACK
                                + " (id, service_id, item_index, card_uuid, outcome, accepted_suggestions, override_reason_system,"
                                + " override_reason_code, override_reason_display, override_user_comment,"
                                + " outcome_timestamp, received_at, client_iss)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        UUID.randomUUID().toString(),
                        serviceId,
                        index,
                        item.getCard(),
                        item.getOutcome().name(),
                        acceptedIds(item),
                        reason == null ? null : reason.getSystem(),
                        reason == null ? null : reason.getCode(),
                        reason == null ? null : reason.getDisplay(),
                        override == null ? null : override.getUserComment(),
                        item.getOutcomeTimestamp(),
                        now,
                        clientIssuer);
            }
        });
    }

    /** The feedback stored for one card, oldest first. */
    public List<StoredFeedback> forCard(String cardUuid) {
        return jdbc.query(
                "SELECT service_id, card_uuid, outcome, accepted_suggestions, override_reason_code,"
                        + " override_reason_system, override_user_comment, outcome_timestamp, client_iss FROM "
                        + CdsHooksTables.FEEDBACK + " WHERE card_uuid = ? ORDER BY received_at, item_index",
                (rs, row) -> new StoredFeedback(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        splitIds(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)),
                cardUuid);
    }

    /** Suggestion ids joined by newlines (a uuid never contains one; the reader rejects nothing else). */
    private static String acceptedIds(CdsServiceFeedbackJson item) {
        List<CdsServiceAcceptedSuggestionJson> accepted = item.getAcceptedSuggestions();
        if (accepted == null || accepted.isEmpty()) {
            return null;
        }
        return String.join(
                "\n",
                accepted.stream()
                        .map(CdsServiceAcceptedSuggestionJson::getId)
                        .map(id -> id.replace('\n', ' '))
                        .toList());
    }

    private static List<String> splitIds(String joined) {
        return joined == null ? List.of() : List.of(joined.split("\n"));
    }
}
