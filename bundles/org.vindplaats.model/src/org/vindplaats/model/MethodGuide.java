package org.vindplaats.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The method as a worker reads it: the seven steps with how to do them, which steps never stop and
 * when to skip to step 7; the twelve principles with the steps where they apply; signalling; the
 * worker's own online presence; a chat model; what online communication is for. Each entry names
 * its source and pages. The texts come from plugins (a knowledge centre publishes them), not from
 * code, so they can be corrected and extended without a release. Immutable.
 */
public record MethodGuide(Map<String, Source> sources, List<Topic> topics) {

    /** The topics a guide can have, in reading order. */
    public static final List<String> TOPIC_IDS = List.of("steps", "principles", "signalling", "presence", "chat",
            "functions");

    public static final MethodGuide EMPTY = new MethodGuide(Map.of(), List.of());

    /** A document the guide paraphrases. */
    public record Source(String title, String url) {
    }

    /** Where an entry comes from: a key of {@link MethodGuide#sources()} and the pages, e.g. "29-32". */
    public record SourceRef(String ref, String pages) {
    }

    public record Topic(String id, LocalizedText title, LocalizedText intro, List<Entry> entries) {
        public Topic {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String id) {
            return entries.stream().filter(e -> e.id().equals(id)).findFirst();
        }
    }

    /**
     * One part of a topic. A step's or principle's entry may leave out title and text: the
     * handbook's name and description from the vocabulary are used, so they are written once.
     */
    public record Entry(String id, MethodStep step, Principle principle, LocalizedText title, LocalizedText text,
            List<LocalizedText> points, boolean continuous, List<MethodStep> steps, List<Principle> principles,
            List<Affordance> affordances, SourceRef source, String plugin) {
        public Entry {
            points = List.copyOf(points);
            steps = List.copyOf(steps);
            principles = List.copyOf(principles);
            affordances = List.copyOf(affordances);
            title = title == null ? LocalizedText.EMPTY : title;
            text = text == null ? LocalizedText.EMPTY : text;
        }

        /** The heading: the entry's own title, else the step's or principle's name. */
        public LocalizedText heading() {
            if (!title.isEmpty()) {
                return title;
            }
            if (step != null) {
                return step.label();
            }
            return principle == null ? LocalizedText.of(id, id) : principle.label();
        }

        /** The body: the entry's own text, else the step's or principle's description. */
        public LocalizedText body() {
            if (!text.isEmpty()) {
                return text;
            }
            if (step != null) {
                return step.description();
            }
            return principle == null ? LocalizedText.EMPTY : principle.description();
        }
    }

    public MethodGuide {
        // In the order the plugin lists them (a reader cites the main source first).
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        topics = List.copyOf(topics);
    }

    public boolean isEmpty() {
        return topics.isEmpty();
    }

    public Optional<Topic> topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The entry of the steps topic for {@code step}. */
    public Optional<Entry> step(MethodStep step) {
        return topic("steps").flatMap(t -> t.entries().stream().filter(e -> e.step() == step).findFirst());
    }

    /** The entry of the principles topic for {@code principle}. */
    public Optional<Entry> principle(Principle principle) {
        return topic("principles").flatMap(t -> t.entries().stream().filter(e -> e.principle() == principle).findFirst());
    }

    /**
     * The principles the guide links to {@code step}, from either side: the step's entry lists
     * them, or a principle's entry lists the step. In the handbook's order.
     */
    public Set<Principle> principlesFor(MethodStep step) {
        Set<Principle> out = EnumSet.noneOf(Principle.class);
        step(step).ifPresent(e -> out.addAll(e.principles()));
        topic("principles").ifPresent(t -> t.entries().stream()
                .filter(e -> e.principle() != null && e.steps().contains(step)).forEach(e -> out.add(e.principle())));
        return out;
    }

    /** "Title, p. 29-32" for an entry's source; empty when it names none. */
    public String cite(SourceRef ref) {
        if (ref == null) {
            return "";
        }
        Source s = sources.get(ref.ref());
        String title = s == null ? ref.ref() : s.title();
        if (ref.pages() == null || ref.pages().isBlank()) {
            return title;
        }
        return title + ", p. " + ref.pages();
    }

    /**
     * Several plugins' guides as one, in plugin order: a topic or an entry (by id) another plugin
     * already gave is kept from the first, new ones are added. So an organisation can add its own
     * entries (a local chat protocol) to a knowledge centre's guide.
     */
    public static MethodGuide combine(List<MethodGuide> parts) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Map<String, LinkedHashMap<String, Entry>> entries = new LinkedHashMap<>();
        Map<String, Topic> first = new LinkedHashMap<>();
        for (MethodGuide g : parts) {
            g.sources().forEach(sources::putIfAbsent);
            for (Topic t : g.topics()) {
                first.putIfAbsent(t.id(), t);
                LinkedHashMap<String, Entry> es = entries.computeIfAbsent(t.id(), k -> new LinkedHashMap<>());
                t.entries().forEach(e -> es.putIfAbsent(e.id(), e));
            }
        }
        List<Topic> topics = new ArrayList<>();
        for (String id : TOPIC_IDS) {
            Topic t = first.get(id);
            if (t != null) {
                topics.add(new Topic(id, t.title(), t.intro(), List.copyOf(entries.get(id).values())));
            }
        }
        return topics.isEmpty() ? EMPTY : new MethodGuide(sources, topics);
    }
}
