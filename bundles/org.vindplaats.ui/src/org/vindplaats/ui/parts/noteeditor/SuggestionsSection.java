package org.vindplaats.ui.parts.noteeditor;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Platform;
import org.vindplaats.model.TrendNote;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.NotesWorkspace;
import org.vindplaats.ui.widgets.Ui;

/**
 * The note editor's suggested labels: "Suggest labels" asks the suggester about the form as it is,
 * in a background job, and lists each label with its reason and an Accept button that sets it in
 * the form with one click. Hidden without a suggester.
 */
public final class SuggestionsSection {

    /** The family of the background job {@link #prepare()} schedules. */
    public static final Object PREPARING = SuggestionsSection.class.getName() + ".preparing";
    /** A short pause first: opening a note and typing a letter should not compete with training. */
    private static final long PREPARE_AFTER_MS = 1000;

    private final Catalog catalog;
    private final NotesWorkspace notes;
    private final Locale locale;
    private final NoteForm form;
    private final Supplier<TrendNote> draft;
    private final StatusLine status;
    private final Runnable changed;
    private final Runnable reflow;
    private final Group group;
    private final Button suggestButton;
    private final Composite rows;
    private NoteSuggestions suggester;
    private Job preparing;
    private int generation;
    private int shown;

    /**
     * @param draft the note as the form describes it now, to suggest labels for
     * @param changed told when an accepted label changed the form
     * @param reflow told when the section's height changes
     */
    public SuggestionsSection(Composite parent, Catalog catalog, NotesWorkspace notes, Locale locale, NoteForm form,
            Supplier<TrendNote> draft, StatusLine status, Runnable changed, Runnable reflow) {
        this.catalog = catalog;
        this.notes = notes;
        this.locale = locale;
        this.form = form;
        this.draft = draft;
        this.status = status;
        this.changed = changed;
        this.reflow = reflow;
        group = Ui.name(new Group(parent, SWT.NONE), "note.suggestions");
        group.setText(Messages.Editor_suggestions);
        GridLayoutFactory.swtDefaults().spacing(6, 4).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(group);
        suggestButton = Ui.name(new Button(group, SWT.PUSH), "note.suggest");
        suggestButton.setText(Messages.Editor_suggest);
        suggestButton.addListener(SWT.Selection, e -> suggest());
        rows = Ui.name(new Composite(group, SWT.NONE), "note.suggestionRows");
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(8, 4).applyTo(rows);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(rows);
        Sections.show(group, false);
        group.addDisposeListener(e -> {
            if (preparing != null) {
                preparing.cancel();
            }
        });
    }

    /**
     * Trains the suggester on the workspace's notes and the plugins as they are now, in the
     * background at a low priority: called when the worker starts writing, so that the training
     * (seconds, the first time and after confirmed notes changed) is done by the time they ask for
     * suggestions. Costs a listing of the note files when the models are current.
     */
    public void prepare() {
        NoteSuggestions engine = suggester;
        if (engine == null || preparing != null && preparing.getState() != Job.NONE) {
            return;
        }
        preparing = new Job(Messages.Editor_suggesting) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                var store = notes.store().orElse(null);
                engine.labels(store, monitor);
                engine.phenomena(store);
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == PREPARING;
            }
        };
        preparing.setSystem(true);
        preparing.setPriority(Job.DECORATE);
        preparing.schedule(PREPARE_AFTER_MS);
    }

    /** Connects a suggester; null hides the suggestions. */
    public void setSuggester(NoteSuggestions value) {
        suggester = value;
        Sections.show(group, value != null);
        reflow.run();
    }

    /** Forgets the suggestions shown (another note is in the form). */
    public void clear() {
        Ui.disposeChildren(rows);
    }

    /**
     * Asks the suggester for labels for the form as it is now, in a background job (it learns
     * from the workspace's notes the first time and whenever they changed), and lists them with
     * their reasons.
     */
    public void suggest() {
        NoteSuggestions engine = suggester;
        if (engine == null) {
            return;
        }
        TrendNote note = draft.get();
        int mine = ++generation;
        suggestButton.setEnabled(false);
        status.say(Messages.Editor_suggesting);
        Job job = new Job(Messages.Editor_suggesting) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                List<NoteSuggestions.Label> result;
                String problem = null;
                try {
                    result = engine.suggest(notes.store().orElse(null), note, monitor);
                } catch (RuntimeException e) {
                    result = List.of();
                    problem = NLS.bind(Messages.Editor_suggestFailed, e.getMessage() == null ? e.toString() : e.getMessage());
                }
                List<NoteSuggestions.Label> found = result;
                String failed = problem;
                Sections.async(group, () -> {
                    if (mine == generation) {
                        show(found, failed);
                    }
                });
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        job.schedule();
    }

    /** True when the newest request for suggestions has been answered. */
    public boolean ready() {
        return shown == generation;
    }

    private void show(List<NoteSuggestions.Label> suggestions, String failed) {
        suggestButton.setEnabled(true);
        Ui.disposeChildren(rows);
        if (failed != null) {
            status.error(failed);
        } else {
            status.say("");
        }
        if (suggestions.isEmpty() && failed == null) {
            Ui.text(rows, Messages.Editor_noSuggestions, 2);
        }
        for (NoteSuggestions.Label s : suggestions) {
            Button accept = new Button(rows, SWT.PUSH);
            accept.setText(Messages.Editor_accept);
            GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(accept);
            Label l = Ui.text(rows, NLS.bind(Messages.Editor_suggestionLine,
                    new Object[] { labelOf(s), Math.round(s.confidence() * 100), s.explanation() }), 1);
            accept.setToolTipText(l.getText());
            accept.addListener(SWT.Selection, e -> {
                accept(s);
                accept.setEnabled(false);
            });
        }
        shown = generation;
        reflow.run();
    }

    /** One click: the suggested label is set in the form and its family counts as confirmed. */
    private void accept(NoteSuggestions.Label s) {
        form.accept(s);
        status.say(NLS.bind(Messages.Editor_accepted, labelOf(s)));
        changed.run();
    }

    private String labelOf(NoteSuggestions.Label s) {
        String name = switch (s.family()) {
            case PLATFORMS -> catalog.platform(s.value()).map(Platform::name).orElse(s.value());
            case PHENOMENA -> PluginContributions.thesaurus(catalog, problem -> {
            }).get(s.value()).map(p -> p.label().get(locale)).orElse(s.value());
            default -> org.vindplaats.suggest.Labels.name(s.family(), s.value(), locale);
        };
        String family = switch (s.family()) {
            case PLATFORMS -> Messages.Editor_platforms;
            case NEEDS -> Messages.Editor_needs;
            case AFFORDANCES -> Messages.Editor_affordances;
            case PHENOMENA -> Messages.Editor_phenomena;
            case POLARITY -> Messages.Editor_polarity;
            case URGENCY -> Messages.Editor_urgency;
        };
        return family + ": " + name;
    }
}
