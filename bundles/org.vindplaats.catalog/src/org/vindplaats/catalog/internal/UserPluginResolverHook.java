package org.vindplaats.catalog.internal;

import java.util.Collection;

import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Keeps bundles from the user's plugin folder unresolved, whatever asks the framework to resolve.
 * They are data: the catalog reads them with getEntry and getHeaders, which need no resolving, and
 * an unresolved bundle can neither run an activator nor attach as a fragment or framework
 * extension. This is the second line of defence; {@link org.vindplaats.catalog.DataOnlyCheck}
 * refuses code before a jar is installed at all.
 */
final class UserPluginResolverHook implements ResolverHookFactory, ResolverHook {

    static boolean isUserPlugin(BundleRevision revision) {
        return revision.getBundle() != null && revision.getBundle().getLocation() != null
                && revision.getBundle().getLocation().startsWith(FolderPluginInstaller.LOCATION_PREFIX);
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return this;
    }

    @Override
    public void filterResolvable(Collection<BundleRevision> candidates) {
        candidates.removeIf(UserPluginResolverHook::isUserPlugin);
    }

    @Override
    public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
        // user plugins are never resolvable, so they never collide
    }

    @Override
    public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
        candidates.removeIf(c -> isUserPlugin(c.getRevision()));
    }

    @Override
    public void end() {
        // nothing held
    }
}
