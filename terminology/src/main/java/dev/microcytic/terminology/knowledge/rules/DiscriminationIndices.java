package dev.microcytic.terminology.knowledge.rules;

import java.util.List;
import java.util.Optional;

/** The discrimination indices of {@code indices.json} in file order (each cites its published sources). */
public final class DiscriminationIndices {

    private final List<DiscriminationIndexDefinition> all;

    DiscriminationIndices(List<DiscriminationIndexDefinition> all) {
        this.all = List.copyOf(all);
    }

    public List<DiscriminationIndexDefinition> all() {
        return all;
    }

    public Optional<DiscriminationIndexDefinition> find(String code) {
        return all.stream().filter(d -> d.code().equals(code)).findFirst();
    }
}
