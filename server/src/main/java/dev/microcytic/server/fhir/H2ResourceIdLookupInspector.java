package dev.microcytic.server.fhir;

import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Lets H2 answer HAPI's batched resource-id look-up from its {@code (RES_TYPE, FHIR_ID)} index instead of a scan.
 *
 * <p>HAPI 8.8.0's {@code IdHelperService} resolves several ids at once (a transaction's pre-fetch: every interpretation
 * this server stores) with {@code (r.RES_TYPE=? and r.FHIR_ID=? or r.RES_TYPE=? and r.FHIR_ID=? ...)}. H2 2.3 cannot
 * use an index for an OR of ANDs and scans {@code HFJ_RESOURCE} (EXPLAIN: {@code tableScan}), so each evaluation got
 * slower as the store grew (a third of the re-evaluation threads' samples in a JFR profile at 16,000 resources). The
 * same condition as a row-value IN list, {@code (r.RES_TYPE, r.FHIR_ID) in ((?,?),(?,?) ...)}, is an index look-up
 * in H2 (EXPLAIN: {@code IDX_RES_TYPE_FHIR_ID: IN(ROW ...)}) and binds the same parameters in the same order, so the
 * rewrite changes the plan and nothing else. Hibernate's documented hook for this is a {@link StatementInspector};
 * neither HAPI nor H2 has a setting for it. Registered for H2 only (PostgreSQL combines index scans for the OR).
 * Statements of any other shape pass through unchanged.
 */
public final class H2ResourceIdLookupInspector implements StatementInspector {

    private static final String TERM = "(\\w+)\\.RES_TYPE=\\? and \\1\\.FHIR_ID=\\?";

    /** Two or more {@code alias.RES_TYPE=? and alias.FHIR_ID=?} terms joined by {@code or}, in parentheses. */
    private static final Pattern OR_OF_IDS =
            Pattern.compile("\\(" + TERM + "((?: or \\1\\.RES_TYPE=\\? and \\1\\.FHIR_ID=\\?)+)\\)");

    private static final String MARKER = "FHIR_ID=? or ";

    private final LongAdder rewrites = new LongAdder();

    /** How many statements were rewritten: lets a test see that HAPI still sends the shape this class expects. */
    public long rewrites() {
        return rewrites.sum();
    }

    @Override
    public String inspect(String sql) {
        // Cheap test first: this runs for every statement Hibernate prepares.
        if (!sql.contains(MARKER)) {
            return sql;
        }
        Matcher matcher = OR_OF_IDS.matcher(sql);
        StringBuilder rewritten = new StringBuilder(sql.length());
        boolean found = false;
        while (matcher.find()) {
            found = true;
            String alias = matcher.group(1);
            int terms = 1 + countTerms(matcher.group(2));
            StringBuilder in = new StringBuilder("((")
                    .append(alias)
                    .append(".RES_TYPE,")
                    .append(alias)
                    .append(".FHIR_ID) in (");
            for (int i = 0; i < terms; i++) {
                in.append(i == 0 ? "(?,?)" : ",(?,?)");
            }
            in.append("))");
            matcher.appendReplacement(rewritten, Matcher.quoteReplacement(in.toString()));
        }
        if (!found) {
            return sql;
        }
        matcher.appendTail(rewritten);
        rewrites.increment();
        return rewritten.toString();
    }

    private static int countTerms(String orTail) {
        int count = 0;
        for (int at = orTail.indexOf(" or "); at >= 0; at = orTail.indexOf(" or ", at + 4)) {
            count++;
        }
        return count;
    }
}
