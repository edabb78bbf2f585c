package org.vindplaats.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.PluginInfo.State;
import org.vindplaats.catalog.Problem.Severity;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.Terms;

/**
 * The catalog's bookkeeping, free of OSGi so it can be tested directly. Two rules decide what is
 * served:
 * <ol>
 * <li><b>Broken update:</b> when a source that had a good descriptor gets a broken one, the old
 * descriptor stays in use (state {@link State#UPDATE_BROKEN}) and the problems are shown.</li>
 * <li><b>Duplicate ids:</b> when several plugins describe the same platform (or organisation) id,
 * the highest content version wins; on equal versions the alphabetically first source wins. The
 * others are {@link State#SHADOWED} and get a warning saying which one is used.</li>
 * </ol>
 */
public final class PluginRegistry implements Catalog {

    private record Entry(String key, String source, String location, String bundleVersion, PluginDescriptor good,
            LoadResult latest) {
    }

    private final Map<String, Entry> entries = new TreeMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Map.of());
    /** Guarded by {@code entries}: inside {@link #batch}, changes wait for one recompute at the end. */
    private int batchDepth;
    private boolean batchDirty;

    private record Snapshot(List<PluginInfo> plugins, Map<String, Platform> platforms, Map<String, Organisation> organisations) {
    }

    /** Adds or replaces what one source (bundle) provides; the source name is also its key. */
    public void put(String source, String location, String bundleVersion, LoadResult result) {
        put(source, source, location, bundleVersion, result);
    }

    /**
     * Adds or replaces what one installed bundle provides.
     *
     * @param key    unique per installed bundle (its location): the same symbolic name may be
     *               installed twice, e.g. a shipped plugin and a newer one from a knowledge centre
     * @param source the name shown to people (the bundle symbolic name)
     */
    public void put(String key, String source, String location, String bundleVersion, LoadResult result) {
        synchronized (entries) {
            Entry previous = entries.get(key);
            PluginDescriptor good = result.descriptor().orElse(previous == null ? null : previous.good());
            entries.put(key, new Entry(key, source, location, bundleVersion, good, result));
            if (batchDepth > 0) {
                batchDirty = true;
                return;
            }
            recompute();
        }
        fireChanged();
    }

    /**
     * Runs {@code work} (puts and removes) as one change: the catalog is recomputed and listeners
     * hear of it once at the end, not once per plugin (at start-up the extender reads every
     * plugin in one batch; recomputing after each of 40 plugins cost a noticeable part of every
     * CLI start).
     */
    public void batch(Runnable work) {
        synchronized (entries) {
            batchDepth++;
        }
        boolean changed = false;
        try {
            work.run();
        } finally {
            synchronized (entries) {
                batchDepth--;
                if (batchDepth == 0 && batchDirty) {
                    batchDirty = false;
                    changed = true;
                    recompute();
                }
            }
            if (changed) {
                fireChanged();
            }
        }
    }

    public void remove(String key) {
        boolean changed;
        synchronized (entries) {
            changed = entries.remove(key) != null;
            if (changed && batchDepth > 0) {
                batchDirty = true;
                return;
            }
            if (changed) {
                recompute();
            }
        }
        if (changed) {
            fireChanged();
        }
    }

    private void recompute() {
        // Pick the winner per kind+id among sources that have a good descriptor.
        Map<String, Entry> winners = new HashMap<>();
        for (Entry e : entries.values()) {
            if (e.good() == null) {
                continue;
            }
            String key = e.good().kind() + ":" + e.good().id();
            Entry current = winners.get(key);
            if (current == null || WINNER_ORDER.compare(e, current) < 0) {
                winners.put(key, e);
            }
        }
        List<PluginInfo> infos = new ArrayList<>();
        Map<String, Platform> platforms = new TreeMap<>();
        Map<String, Organisation> organisations = new TreeMap<>();
        for (Entry e : entries.values()) {
            List<Problem> problems = new ArrayList<>(e.latest().problems());
            State state;
            PluginDescriptor d = e.good();
            if (d == null) {
                state = State.BROKEN;
            } else {
                Entry winner = winners.get(d.kind() + ":" + d.id());
                if (winner != e) {
                    state = State.SHADOWED;
                    problems.add(new Problem(Severity.WARNING, e.source(), PluginDescriptor.FILE_NAME, 0, 0,
                            NLS.bind(Messages.Catalog_duplicatePlatform, new Object[] { d.id(), name(e, winner),
                                    d.version(), name(winner, e), winner.good().version() }),
                            NLS.bind(Messages.Catalog_duplicatePlatform_fix, null)));
                } else {
                    state = e.latest().hasErrors() ? State.UPDATE_BROKEN : State.ACTIVE;
                    if (state == State.UPDATE_BROKEN) {
                        problems.add(0, new Problem(Severity.ERROR, e.source(), PluginDescriptor.FILE_NAME, 0, 0,
                                NLS.bind(Messages.Catalog_brokenUpdate, e.bundleVersion(), d.version()),
                                NLS.bind(Messages.Catalog_brokenUpdate_fix, null)));
                    }
                    if (d.platform() != null) {
                        platforms.put(d.id(), d.platform());
                    } else {
                        organisations.put(d.id(), d.organisation());
                    }
                }
            }
            infos.add(new PluginInfo(e.source(), e.location(), e.bundleVersion(), d == null ? null : d.kind(),
                    d == null ? null : d.id(), d == null ? null : d.name(), d == null ? null : d.version(), state, problems));
        }
        checkPolicies(infos, platforms, organisations);
        snapshot = new Snapshot(List.copyOf(infos), Map.copyOf(platforms), Map.copyOf(organisations));
    }

    /** The bundle name, or its location when both entries have the same name (two versions of one plugin). */
    private static String name(Entry e, Entry other) {
        return e.source().equals(other.source()) ? e.source() + " (" + e.location() + ")" : e.source();
    }

    /** Warns when an organisation's policy names a platform that is not installed (often a typo). */
    private static void checkPolicies(List<PluginInfo> infos, Map<String, Platform> platforms,
            Map<String, Organisation> organisations) {
        for (int i = 0; i < infos.size(); i++) {
            PluginInfo info = infos.get(i);
            if (info.kind() != PluginDescriptor.Kind.ORGANISATION || info.state() != State.ACTIVE) {
                continue;
            }
            Organisation org = organisations.get(info.id());
            List<Problem> problems = new ArrayList<>(info.problems());
            for (String platformId : org.platformPolicies().keySet()) {
                if (!platforms.containsKey(platformId)) {
                    String guess = Terms.didYouMean(platformId, platforms.keySet())
                            .map(g -> " " + NLS.bind(Messages.Schema_unknownId_didYouMean, g)).orElse("");
                    problems.add(new Problem(Severity.WARNING, info.source(), PluginDescriptor.FILE_NAME, 0, 0,
                            NLS.bind(Messages.Catalog_unknownPolicyPlatform, platformId) + guess,
                            NLS.bind(Messages.Catalog_unknownPolicyPlatform_fix, null)));
                }
            }
            if (problems.size() != info.problems().size()) {
                infos.set(i, new PluginInfo(info.source(), info.location(), info.bundleVersion(), info.kind(), info.id(),
                        info.name(), info.version(), info.state(), problems));
            }
        }
    }

    /** Highest version first, then alphabetical source. */
    private static final Comparator<Entry> WINNER_ORDER = Comparator
            .<Entry, String>comparing(e -> e.good().version(), PluginRegistry::compareVersions).reversed()
            .thenComparing(Entry::source).thenComparing(Entry::key);

    static int compareVersions(String a, String b) {
        String[] pa = a.split("\\.");
        String[] pb = b.split("\\.");
        for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
            int x = i < pa.length ? parse(pa[i]) : 0;
            int y = i < pb.length ? parse(pb[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void fireChanged() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                // A misbehaving listener must not stop the others from hearing about the change.
                ILog.of(PluginRegistry.class).error("catalog listener failed: " + e, e);
            }
        }
    }

    @Override
    public List<Platform> platforms() {
        return snapshot.platforms().values().stream()
                .sorted(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT))).toList();
    }

    @Override
    public Optional<Platform> platform(String id) {
        return Optional.ofNullable(id == null ? null : snapshot.platforms().get(id.toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<Organisation> organisations() {
        return snapshot.organisations().values().stream()
                .sorted(Comparator.comparing(o -> o.name().toLowerCase(Locale.ROOT))).toList();
    }

    @Override
    public Optional<Organisation> organisation(String id) {
        return Optional.ofNullable(id == null ? null : snapshot.organisations().get(id.toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<PluginInfo> plugins() {
        return snapshot.plugins();
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
