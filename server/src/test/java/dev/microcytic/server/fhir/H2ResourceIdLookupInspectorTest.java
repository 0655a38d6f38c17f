package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class H2ResourceIdLookupInspectorTest {

    private final H2ResourceIdLookupInspector inspector = new H2ResourceIdLookupInspector();

    /** The statement HAPI 8.8.0's IdHelperService has Hibernate 6 send for three ids (captured from the server). */
    static final String BATCHED_LOOKUP = "select rt1_0.RES_ID,rt1_0.RES_TYPE,rt1_0.FHIR_ID,rt1_0.RES_DELETED_AT,"
            + "rt1_0.PARTITION_ID from HFJ_RESOURCE rt1_0 where "
            + "(rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=? or rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=? "
            + "or rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=?)";

    @Test
    void batchedIdLookupBecomesARowValueInList() {
        assertThat(inspector.inspect(BATCHED_LOOKUP))
                .isEqualTo("select rt1_0.RES_ID,rt1_0.RES_TYPE,rt1_0.FHIR_ID,rt1_0.RES_DELETED_AT,"
                        + "rt1_0.PARTITION_ID from HFJ_RESOURCE rt1_0 where "
                        + "((rt1_0.RES_TYPE,rt1_0.FHIR_ID) in ((?,?),(?,?),(?,?)))");
    }

    @Test
    void otherStatementsPassThroughUnchanged() {
        String single = "select rt1_0.RES_ID from HFJ_RESOURCE rt1_0 where (rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=?)";
        String untypedTerm = "select rt1_0.RES_ID from HFJ_RESOURCE rt1_0 where "
                + "(rt1_0.RES_TYPE=? and rt1_0.FHIR_ID=? or rt1_0.FHIR_ID=?)";
        String otherAliases = "select a.RES_ID from HFJ_RESOURCE a, HFJ_RESOURCE b where "
                + "(a.RES_TYPE=? and b.FHIR_ID=? or a.RES_TYPE=? and b.FHIR_ID=?)";
        String insert = "insert into HFJ_RESOURCE (RES_TYPE,FHIR_ID) values (?,?)";

        assertThat(inspector.inspect(single)).isSameAs(single);
        assertThat(inspector.inspect(untypedTerm)).isSameAs(untypedTerm);
        assertThat(inspector.inspect(otherAliases)).isSameAs(otherAliases);
        assertThat(inspector.inspect(insert)).isSameAs(insert);
    }

    /** The reason for the rewrite, on H2 itself: the OR is planned as a scan, the IN list as an index look-up. */
    @Test
    void h2PlansTheRewriteWithTheTypeAndIdIndexAndFindsTheSameRows() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:inspector-test");
                Statement statement = connection.createStatement()) {
            statement.execute("create table HFJ_RESOURCE(RES_ID bigint primary key, RES_TYPE varchar(40) not null,"
                    + " FHIR_ID varchar(64) not null, RES_DELETED_AT timestamp, PARTITION_ID int)");
            statement.execute("create unique index IDX_RES_TYPE_FHIR_ID on HFJ_RESOURCE(RES_TYPE, FHIR_ID)");
            statement.execute("insert into HFJ_RESOURCE select X, case mod(X, 3) when 0 then 'Patient'"
                    + " when 1 then 'Observation' else 'RequestGroup' end, 'id-' || X, null, null"
                    + " from system_range(1, 3000)");
            Object[] ids = {"Patient", "id-3", "Observation", "id-4", "RequestGroup", "id-9"};

            assertThat(plan(connection, BATCHED_LOOKUP, ids)).contains("tableScan");
            String rewritten = inspector.inspect(BATCHED_LOOKUP);
            assertThat(plan(connection, rewritten, ids)).contains("IDX_RES_TYPE_FHIR_ID:", "IN(ROW (?1, ?2)");
            assertThat(rows(connection, rewritten, ids))
                    .isEqualTo(rows(connection, BATCHED_LOOKUP, ids))
                    .isEqualTo("3,4");
        }
    }

    private static String plan(Connection connection, String sql, Object[] parameters) throws Exception {
        try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
            bind(explain, parameters);
            try (ResultSet result = explain.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static String rows(Connection connection, String sql, Object[] parameters) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(sql + " order by 1")) {
            bind(query, parameters);
            StringBuilder found = new StringBuilder();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    found.append(found.isEmpty() ? "" : ",").append(result.getLong(1));
                }
            }
            return found.toString();
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws Exception {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
