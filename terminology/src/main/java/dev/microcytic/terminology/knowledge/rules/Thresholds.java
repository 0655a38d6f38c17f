package dev.microcytic.terminology.knowledge.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sourced thresholds of {@code thresholds.json}, by id. Immutable; loaded once per knowledge version. */
public final class Thresholds {

    private final Map<String, Threshold> byId;

    Thresholds(List<Threshold> thresholds) {
        Map<String, Threshold> map = new LinkedHashMap<>();
        for (Threshold threshold : thresholds) {
            if (map.put(threshold.id(), threshold) != null) {
                throw new IllegalArgumentException("duplicate threshold id " + threshold.id());
            }
        }
        this.byId = Map.copyOf(map);
    }

    /** The threshold with this id; a missing id is a packaging error, so it fails fast. */
    public Threshold get(String id) {
        Threshold threshold = byId.get(id);
        if (threshold == null) {
            throw new IllegalArgumentException("no threshold " + id + " in the knowledge package");
        }
        return threshold;
    }

    public Optional<Threshold> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Threshold> all() {
        return byId.values();
    }

    record File(@JsonProperty("thresholds") List<Threshold> thresholds) {}
}
