package org.vindplaats.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The phenomena the installed plugins describe, with their hierarchy. Immutable. Broader links
 * are what plugins write; narrower ones are derived here, so the two can never disagree. Links to
 * ids no plugin defines are ignored (a plugin validator reports them).
 */
public final class Thesaurus {

    public static final Thesaurus EMPTY = new Thesaurus(List.of());

    private final Map<String, Phenomenon> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> narrower = new LinkedHashMap<>();

    private Thesaurus(Collection<Phenomenon> phenomena) {
        for (Phenomenon p : phenomena) {
            byId.merge(p.id(), p, Phenomenon::extendedWith);
        }
        for (Phenomenon p : byId.values()) {
            for (String b : p.broader()) {
                if (byId.containsKey(b) && !b.equals(p.id())) {
                    narrower.computeIfAbsent(b, k -> new ArrayList<>()).add(p.id());
                }
            }
        }
    }

    /** A thesaurus of these phenomena; a repeated id adds to the first (see {@link Phenomenon#extendedWith}). */
    public static Thesaurus of(Collection<Phenomenon> phenomena) {
        return phenomena.isEmpty() ? EMPTY : new Thesaurus(phenomena);
    }

    /** Several plugins' thesauri as one, the first plugin's texts winning. */
    public static Thesaurus combine(List<Thesaurus> parts) {
        List<Phenomenon> all = new ArrayList<>();
        parts.forEach(t -> all.addAll(t.all()));
        return of(all);
    }

    public List<Phenomenon> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Phenomenon> get(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public int size() {
        return byId.size();
    }

    /** The direct narrower phenomena of {@code id}. */
    public List<String> narrower(String id) {
        return List.copyOf(narrower.getOrDefault(id, List.of()));
    }

    /** Every phenomenon below {@code id}, at any depth (cycles are cut). */
    public Set<String> descendants(String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(narrower(id));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (!n.equals(id) && seen.add(n)) {
                todo.addAll(narrower(n));
            }
        }
        return seen;
    }

    /** Every phenomenon above {@code id}, at any depth (cycles are cut). */
    public Set<String> ancestors(String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(get(id).map(Phenomenon::broader).orElse(List.of()));
        while (!todo.isEmpty()) {
            String b = todo.pop();
            if (!b.equals(id) && byId.containsKey(b) && seen.add(b)) {
                todo.addAll(byId.get(b).broader());
            }
        }
        return seen;
    }
}
