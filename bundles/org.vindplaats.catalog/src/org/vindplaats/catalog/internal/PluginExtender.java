package org.vindplaats.catalog.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.catalog.DataOnlyCheck;
import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginContent;
import org.vindplaats.catalog.PluginDescriptor;
import org.vindplaats.catalog.PluginInfo;
import org.vindplaats.catalog.PluginRegistry;
import org.vindplaats.catalog.Problem;
import org.vindplaats.catalog.SchemaVerdicts;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;

/**
 * The extender that turns installed bundles into catalog entries. A bundle is a Vindplaats
 * plugin when its manifest has the header {@code Vindplaats-Plugin: vindplaats-plugin.json}; it
 * needs no Java and no activator. Bundles are read as soon as they are installed (no need to
 * start them), re-read when updated, and dropped when uninstalled — so plugins come and go
 * without a restart.
 * <p>
 * The first reading is lazy: activation only notes which bundles are plugins, and the
 * descriptors are read and validated when the catalog is first asked for anything (or a listener
 * is added). That keeps the 20-odd descriptors off the framework's start-up path, so the
 * workbench can read them in a background job while its window is being built.
 */
@Component(service = Catalog.class, immediate = true)
public final class PluginExtender implements Catalog {

    private final PluginRegistry registry = new PluginRegistry();
    private SchemaVerdicts verdicts = SchemaVerdicts.none();
    /** Made at the first reading: its JSON machinery is not needed by commands that never ask the catalog. */
    private volatile DescriptorLoader loader;
    private BundleTracker<Bundle> tracker;
    /** Plugin bundles seen but not read yet; guarded by itself. */
    private final Deque<Bundle> pending = new ArrayDeque<>();
    /** True once the first reading is done: from then on bundles are read as they come. */
    private volatile boolean loaded;
    private final Object loading = new Object();

    @Activate
    void activate(BundleContext context) {
        // In the bundle's data area (the per-user configuration area of the product).
        java.io.File data = context.getDataFile("schema-verdicts.txt");
        if (data != null) {
            verdicts = SchemaVerdicts.in(data.toPath());
        }
        int states = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;
        tracker = new BundleTracker<>(context, states, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                if (bundle.getHeaders("").get(PluginDescriptor.MANIFEST_HEADER) == null) {
                    return null; // not a plugin: do not track
                }
                readOrQueue(bundle);
                return bundle;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                if (event != null && event.getType() == BundleEvent.UPDATED) {
                    readOrQueue(bundle);
                }
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                synchronized (pending) {
                    pending.remove(bundle);
                }
                registry.remove(bundle.getLocation());
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
    }

    private void readOrQueue(Bundle bundle) {
        synchronized (pending) {
            if (!loaded) {
                if (!pending.contains(bundle)) {
                    pending.add(bundle);
                }
                return;
            }
        }
        read(bundle);
        verdicts.save();
    }

    /** Reads every queued bundle once; callers on other threads wait for the same reading. */
    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (loading) {
            // One batch: the catalog is recomputed once for all plugins, not once per plugin.
            registry.batch(() -> {
                while (true) {
                    Bundle next;
                    synchronized (pending) {
                        next = pending.poll();
                        if (next == null) {
                            loaded = true;
                            verdicts.save();
                            return;
                        }
                    }
                    read(next);
                    if (next.getState() == Bundle.UNINSTALLED) {
                        registry.remove(next.getLocation()); // uninstalled while it was being read
                    }
                }
            });
        }
    }

    private void read(Bundle bundle) {
        LoadResult result;
        try {
            result = load(bundle);
        } catch (RuntimeException e) {
            // The loader reports bad input as problems; this is the last line of defence so that
            // one plugin can never break the catalog for the others.
            result = new LoadResult(bundle.getSymbolicName(), Optional.empty(), List.of(new Problem(Problem.Severity.ERROR,
                    bundle.getSymbolicName(), PluginDescriptor.FILE_NAME, 0, 0, String.valueOf(e),
                    "Report this to the Vindplaats developers, with the plugin attached.")));
        }
        registry.put(bundle.getLocation(), bundle.getSymbolicName(), bundle.getLocation(), bundle.getVersion().toString(),
                result);
    }

    private DescriptorLoader loader() {
        DescriptorLoader l = loader;
        if (l == null) {
            synchronized (this) {
                if (loader == null) {
                    loader = new DescriptorLoader(Clock.systemDefaultZone(), verdicts);
                }
                l = loader;
            }
        }
        return l;
    }

    /**
     * Reads a bundle's descriptor. A bundle from the user's plugin folder must be data only (the
     * installer checked its jar already; this holds for anything that got there some other way).
     */
    private LoadResult load(Bundle bundle) {
        if (!bundle.getLocation().startsWith(FolderPluginInstaller.LOCATION_PREFIX)) {
            return loader().load(PluginContent.of(bundle));
        }
        List<Problem> code = DataOnlyCheck.checkBundle(bundle);
        if (!code.isEmpty()) {
            return new LoadResult(bundle.getSymbolicName(), Optional.empty(), code);
        }
        LoadResult result = loader().load(PluginContent.of(bundle));
        Optional<Problem> name = result.descriptor().flatMap(
                d -> DataOnlyCheck.checkSymbolicName(bundle.getLocation(), bundle.getSymbolicName(), d));
        if (name.isEmpty()) {
            return result;
        }
        List<Problem> problems = new ArrayList<>(result.problems());
        problems.add(name.get());
        return new LoadResult(result.source(), Optional.empty(), problems);
    }

    /**
     * Lists a jar of the user's plugin folder that was refused before it reached the framework, so
     * that 'plugins' and the Plugins view show it as broken with its problems.
     */
    void refuse(String location, String name, List<Problem> problems) {
        registry.put(location, name, location, "-", new LoadResult(name, Optional.empty(), problems));
    }

    /** Drops a refused jar's entry (it was removed or replaced by a good one). */
    void forget(String location) {
        registry.remove(location);
    }

    @Override
    public List<Platform> platforms() {
        ensureLoaded();
        return registry.platforms();
    }

    @Override
    public Optional<Platform> platform(String id) {
        ensureLoaded();
        return registry.platform(id);
    }

    @Override
    public List<Organisation> organisations() {
        ensureLoaded();
        return registry.organisations();
    }

    @Override
    public Optional<Organisation> organisation(String id) {
        ensureLoaded();
        return registry.organisation(id);
    }

    @Override
    public List<PluginInfo> plugins() {
        ensureLoaded();
        return registry.plugins();
    }

    @Override
    public void addListener(Runnable listener) {
        registry.addListener(listener);
        ensureLoaded(); // a listener expects to hear of every plugin from now on
    }

    @Override
    public void removeListener(Runnable listener) {
        registry.removeListener(listener);
    }
}
