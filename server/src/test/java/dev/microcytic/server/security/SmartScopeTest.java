package dev.microcytic.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.server.security.SmartScope.Context;
import dev.microcytic.server.security.SmartScope.Permission;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SmartScopeTest {

    @Test
    void readsV2Scopes() {
        assertThat(SmartScope.parse("patient/Observation.rs"))
                .isEqualTo(
                        new SmartScope(Context.PATIENT, "Observation", EnumSet.of(Permission.READ, Permission.SEARCH)));
        assertThat(SmartScope.parse("system/Observation.c"))
                .isEqualTo(new SmartScope(Context.SYSTEM, "Observation", EnumSet.of(Permission.CREATE)));
        assertThat(SmartScope.parse("user/*.cruds").permissions()).isEqualTo(EnumSet.allOf(Permission.class));
    }

    @Test
    void readsV1Scopes() {
        assertThat(SmartScope.parse("patient/*.read").permissions())
                .containsExactlyInAnyOrder(Permission.READ, Permission.SEARCH);
        assertThat(SmartScope.parse("user/Observation.write").permissions())
                .containsExactlyInAnyOrder(Permission.CREATE, Permission.UPDATE, Permission.DELETE);
        assertThat(SmartScope.parse("system/*.*").permissions()).isEqualTo(EnumSet.allOf(Permission.class));
    }

    @Test
    void grantsNothingForOtherScopesOrRestrictedOnes() {
        assertThat(SmartScope.parse("openid")).isNull();
        assertThat(SmartScope.parse("launch/patient")).isNull();
        assertThat(SmartScope.parse("microcytic/admin")).isNull();
        // A v2 query restricts the type; it cannot be enforced here, so nothing is granted.
        assertThat(SmartScope.parse("patient/Observation.rs?category=laboratory"))
                .isNull();
        // Letters out of order or unknown are not SMART v2.
        assertThat(SmartScope.parse("user/*.sr")).isNull();
        assertThat(SmartScope.parse("user/*.x")).isNull();
        assertThat(SmartScope.parse("user/*.")).isNull();
        assertThat(SmartScope.parse("group/*.rs")).isNull();
    }

    @Test
    void parsesAScopeClaim() {
        assertThat(SmartScope.parseAll("openid fhirUser launch patient/*.rs  user/Observation.cu"))
                .extracting(SmartScope::context, SmartScope::resourceType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Context.PATIENT, "*"),
                        org.assertj.core.groups.Tuple.tuple(Context.USER, "Observation"));
        assertThat(SmartScope.parseAll(null)).isEmpty();
    }
}
