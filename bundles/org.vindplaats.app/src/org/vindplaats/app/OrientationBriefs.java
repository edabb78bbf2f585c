package org.vindplaats.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vindplaats.model.Organisation;
import org.vindplaats.model.Platform;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.io.FileReplacement;
import org.vindplaats.notes.NoteStore;

/**
 * The orientation brief for a team meeting, as the workbench (File &gt; Export brief, and the end
 * of the guided orientation) and the command line ({@code vindplaats platform brief}) both make
 * it: one platform, the organisation's policy, the plugin that supplied the facts, what the worker
 * recorded in the guided orientation and, only when asked, the team's latest notes about the
 * platform. Written owner-only, like the notes it may quote; the worker shares it deliberately.
 * An OSGi Declarative Services component; {@link BriefWriter} writes the page itself.
 */
@Component(service = OrientationBriefs.class)
public final class OrientationBriefs {

    /** How many of the latest notes about the platform a brief shows. */
    public static final int LATEST_NOTES = 5;

    /**
     * What goes into one brief.
     *
     * @param organisation whose policy is shown (null: none chosen, the brief says so)
     * @param orientation  what the worker ticked and wrote in the guided orientation (null: none)
     * @param notes        the workspace whose latest notes about the platform are added (null: no
     *                     notes section; notes leave the workspace only when the worker asks)
     */
    public record Request(Platform platform, Organisation organisation, Locale locale, LocalDate date,
            OrientationRecord orientation, NoteStore notes) {

        /** A brief of the platform today, without orientation record or notes. */
        public static Request of(Platform platform, Organisation organisation, Locale locale) {
            return new Request(platform, organisation, locale, LocalDate.now(), null, null);
        }

        public Request withOrientation(OrientationRecord record) {
            return new Request(platform, organisation, locale, date, record, notes);
        }

        public Request withNotes(NoteStore store) {
            return new Request(platform, organisation, locale, date, orientation, store);
        }
    }

    private final CatalogQueries catalog;

    @Activate
    public OrientationBriefs(@Reference CatalogQueries catalog) {
        this.catalog = catalog;
    }

    /**
     * The brief as one self-contained HTML page. Reads the notes when they are asked for: not on a
     * UI thread.
     *
     * @param problems told about note files that could not be read (with where and what to do)
     */
    public String html(Request r, Consumer<String> problems) {
        BriefWriter writer = new BriefWriter(r.locale()).suppliedBy(catalog.suppliedBy(r.platform()).orElse(null));
        if (r.orientation() != null) {
            writer.orientation(r.orientation());
        }
        if (r.notes() == null) {
            return writer.html(r.platform(), r.organisation(), r.date());
        }
        List<TrendNote> latest;
        try (Stream<TrendNote> all = r.notes().notes(p -> problems.accept(p.toString()))) {
            latest = BriefWriter.latestNotes(all, r.platform().id(), LATEST_NOTES);
        }
        return writer.html(r.platform(), r.organisation(), r.date(), latest);
    }

    /**
     * Writes the brief to {@code target}, readable by its owner only, in one step: a full disk or a
     * crash leaves the file that was there, never half a page.
     */
    public void write(Path target, Request r, Consumer<String> problems) throws IOException {
        FileReplacement.write(target, html(r, problems).getBytes(StandardCharsets.UTF_8));
    }
}
