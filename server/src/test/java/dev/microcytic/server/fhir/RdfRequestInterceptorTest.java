package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RdfRequestInterceptorTest {

    @Test
    void turtleAsFormatOrAsTheOnlyAcceptedTypeIsRefused() {
        assertThat(RdfRequestInterceptor.asksForTurtle("ttl", null)).isTrue();
        assertThat(RdfRequestInterceptor.asksForTurtle("text/turtle", "application/fhir+json"))
                .isTrue();
        assertThat(RdfRequestInterceptor.asksForTurtle(null, "text/turtle")).isTrue();
    }

    @Test
    void jsonXmlOrAnAcceptThatAlsoTakesThemIsServed() {
        assertThat(RdfRequestInterceptor.asksForTurtle("json", null)).isFalse();
        assertThat(RdfRequestInterceptor.asksForTurtle(null, "application/fhir+json"))
                .isFalse();
        assertThat(RdfRequestInterceptor.asksForTurtle(null, "text/turtle, application/fhir+json;q=0.9"))
                .isFalse();
        assertThat(RdfRequestInterceptor.asksForTurtle(null, null)).isFalse();
    }
}
