package org.vindplaats.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.vindplaats.model.io.OwnerOnly;

/**
 * User settings shared by the CLI and the workbench: Eclipse instance-scope preferences of the
 * node {@value #NODE}. Both products use the same instance location (see the vindplaats
 * script), so choosing an organisation in one applies in the other. The launcher script also
 * reads {@value #LANGUAGE} from the stored file to start in the chosen language.
 */
public final class Settings {

    public static final String NODE = "org.vindplaats.catalog";
    public static final String ACTIVE_ORGANISATION = "activeOrganisation";
    /** "nl" or "en"; absent means "follow the computer's locale". Applied at the next start. */
    public static final String LANGUAGE = "language";

    private static final Map<Runnable, IPreferenceChangeListener> LISTENERS = new ConcurrentHashMap<>();

    private Settings() {
    }

    public static Optional<String> activeOrganisation() {
        return get(ACTIVE_ORGANISATION);
    }

    /** Saves the active organisation at once (null: none). */
    public static void setActiveOrganisation(String id) throws BackingStoreException {
        put(ACTIVE_ORGANISATION, id);
    }

    /** The chosen user-interface language ("nl" or "en"), if the user chose one. */
    public static Optional<String> language() {
        return get(LANGUAGE).filter(l -> l.equals("nl") || l.equals("en"));
    }

    /** The language to show: the chosen one, else Dutch when the locale is Dutch, else English. */
    public static String effectiveLanguage(Locale locale) {
        return language().orElse(locale != null && "nl".equals(locale.getLanguage()) ? "nl" : "en");
    }

    /** Saves the language ("nl", "en", or null to follow the locale); takes effect at the next start. */
    public static void setLanguage(String language) throws BackingStoreException {
        if (language != null && !language.equals("nl") && !language.equals("en")) {
            throw new IllegalArgumentException("language must be nl or en, was " + language);
        }
        put(LANGUAGE, language);
    }

    /** Calls {@code listener} (on the thread that made the change) whenever a setting changes. */
    public static void addListener(Runnable listener) {
        IPreferenceChangeListener l = event -> listener.run();
        if (LISTENERS.putIfAbsent(listener, l) == null) {
            node().addPreferenceChangeListener(l);
        }
    }

    public static void removeListener(Runnable listener) {
        IPreferenceChangeListener l = LISTENERS.remove(listener);
        if (l != null) {
            node().removePreferenceChangeListener(l);
        }
    }

    private static Optional<String> get(String key) {
        String v = node().get(key, null);
        return Optional.ofNullable(v == null || v.isBlank() ? null : v);
    }

    private static void put(String key, String value) throws BackingStoreException {
        IEclipsePreferences node = node();
        if (value == null) {
            node.remove(key);
        } else {
            node.put(key, value);
        }
        node.flush();
        keepPrivate();
    }

    /**
     * Equinox writes the preference file with the process's umask; the settings (which
     * organisation a worker belongs to) are the user's own, so the instance folder that holds them
     * is made owner-only after each save. Quietly nothing when there is no instance location.
     */
    static void keepPrivate() {
        try {
            // Equinox's instance area (-data), where the preference files are.
            String area = System.getProperty("osgi.instance.area");
            if (area != null && area.startsWith("file:")) {
                OwnerOnly.tighten(Path.of(new java.net.URL(area).getPath()));
                return;
            }
            var location = InstanceScope.INSTANCE.getLocation();
            // The instance folder is the one holding .metadata (the location may be it or lie inside it).
            for (Path p = location == null ? null : location.toFile().toPath(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve(".metadata"))) {
                    OwnerOnly.tighten(p);
                    return;
                }
            }
        } catch (RuntimeException | java.net.MalformedURLException e) {
            // no instance location (a tool run with -data @none): nothing was written
        }
    }

    private static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
