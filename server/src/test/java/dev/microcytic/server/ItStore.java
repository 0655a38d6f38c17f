package dev.microcytic.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The store of an IT Spring context: every base class that starts a context of its own names one, and
 * {@link ItStoreContextCustomizerFactory} turns the name into that context's {@code spring.datasource.url} (the only
 * place that sets it). Without the annotation a context uses the store {@value #SHARED}.
 *
 * <p>Contexts stay cached, and their re-evaluation schedulers keep running, while the other contexts' tests run; a
 * store of its own keeps one context's scheduler from draining another's outbox.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface ItStore {

    /** The store of the ITs that extend {@link AbstractServerIT} without a context of their own. */
    String SHARED = "shared";

    /** Lower-case letters only: it becomes part of an H2 or PostgreSQL database name. */
    String value();
}
