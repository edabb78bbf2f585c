package org.vindplaats.ui.parts.noteeditor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.vindplaats.app.CatalogQueries;
import org.vindplaats.app.NoteSuggestions;
import org.vindplaats.app.PluginContributions;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Affordance;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.Need;
import org.vindplaats.model.Platform;
import org.vindplaats.model.PolicyStatus;
import org.vindplaats.model.Polarity;
import org.vindplaats.model.Term;
import org.vindplaats.model.Terms;
import org.vindplaats.model.TrendNote;
import org.vindplaats.model.TrendNote.LabelFamily;
import org.vindplaats.model.Urgency;
import org.vindplaats.notes.NoteBuilder;
import org.vindplaats.notes.NoteIds;
import org.vindplaats.notes.ObservedDay;
import org.vindplaats.notes.Retention;
import org.vindplaats.notes.StoredNote;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.notes.Dates;
import org.vindplaats.ui.widgets.Palette;
import org.vindplaats.ui.widgets.Ui;

/**
 * The note editor's fields: title and text; the date it was observed (with what is wrong with it
 * while the worker types), urgency and source; platforms from the catalog, needs, affordances,
 * phenomena and polarity. It fills them from a note and describes them as a note again, and sets
 * an accepted suggestion. The fields come in three blocks, so the editor can put its banners and
 * suggestions between them: {@link #createTitleAndBody}, {@link #createFacts}, {@link #createLabels}.
 */
public final class NoteForm {

    private final Catalog catalog;
    private final Locale locale;
    private final Runnable changed;
    private final Runnable textChanged;
    private final Runnable urgencyChanged;
    private final Runnable reflow;
    private Text title;
    private Text body;
    private Text observed;
    private Label observedProblem;
    private Combo urgency;
    private Text source;
    private Table platforms;
    private final Map<Need, Button> needs = new EnumMap<>(Need.class);
    private final Map<Affordance, Button> affordances = new EnumMap<>(Affordance.class);
    /** The note's phenomena as the worker gives them (suggestions accepted); the form has no box per phenomenon. */
    private final List<String> phenomena = new ArrayList<>();
    private Label phenomenaText;
    private Combo polarity;
    /** Label families the worker confirmed by accepting a suggestion or "none of these". */
    private final Set<LabelFamily> accepted = EnumSet.noneOf(LabelFamily.class);
    private List<String> otherPlatforms = List.of();

    /**
     * @param changed told on every change the worker makes (unsaved work)
     * @param textChanged told when the title, text or source changes (the privacy check)
     * @param urgencyChanged told when the urgency changes
     * @param reflow told when the form's height changes
     */
    public NoteForm(Catalog catalog, Locale locale, Runnable changed, Runnable textChanged, Runnable urgencyChanged,
            Runnable reflow) {
        this.catalog = catalog;
        this.locale = locale;
        this.changed = changed;
        this.textChanged = textChanged;
        this.urgencyChanged = urgencyChanged;
        this.reflow = reflow;
    }

    /** The title and the text, in the editor's two-column grid. */
    public void createTitleAndBody(Composite content) {
        Sections.label(content, Messages.Editor_title);
        title = Ui.name(new Text(content, SWT.BORDER | SWT.SINGLE), "note.title");
        title.setMessage(Messages.Editor_titleHint);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(title);

        Sections.label(content, Messages.Editor_body);
        body = Ui.name(new Text(content, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), "note.body");
        body.setMessage(Messages.Editor_bodyHint);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, body.getLineHeight() * 8).applyTo(body);
        // Tab moves on instead of typing a tab, so the form stays keyboard reachable.
        body.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                e.doit = true;
            }
        });
    }

    /**
     * When, how urgent and from where, next to each other across both columns: under the text
     * on a laptop screen they show without scrolling.
     */
    public void createFacts(Composite content) {
        Composite facts = new Composite(content, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(8, 6).applyTo(facts);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(facts);
        Sections.label(facts, Messages.Editor_observed);
        // A text field, not SWT's DateTime: GTK's drop-down date keeps the focus on Tab (a keyboard
        // trap), and typing "31-10-2026" is faster than a calendar and reads well with a screen reader.
        Composite observedBox = new Composite(facts, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(observedBox);
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(observedBox);
        observed = Ui.name(new Text(observedBox, SWT.BORDER | SWT.SINGLE), "note.observed");
        observed.setMessage(Messages.Notes_dateHint);
        observed.setToolTipText(Messages.Editor_observedHint);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(dateWidth(observed), SWT.DEFAULT)
                .applyTo(observed);
        observedProblem = Ui.name(new Label(observedBox, SWT.WRAP), "note.observedProblem");
        observedProblem.setForeground(Palette.color(Palette.bannerForeground(PolicyStatus.BANNED)));
        GridDataFactory.fillDefaults().grab(true, false).hint(10, SWT.DEFAULT).applyTo(observedProblem);
        Sections.show(observedProblem, false);
        observed.addModifyListener(e -> checkObserved());

        Sections.label(facts, Messages.Editor_urgency);
        urgency = choice(facts, "note.urgency", Arrays.stream(Urgency.values()).map(Urgency::label).toList());
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(urgency);
        urgency.addListener(SWT.Selection, e -> urgencyChanged.run());

        Sections.label(facts, Messages.Editor_source);
        source = Ui.name(new Text(facts, SWT.BORDER | SWT.SINGLE), "note.source");
        source.setMessage(Messages.Editor_sourceHint);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(10, SWT.DEFAULT).applyTo(source);
    }

    /** Platforms, needs, affordances, phenomena and polarity; then the form tells of every change. */
    public void createLabels(Composite content) {
        Sections.label(content, Messages.Editor_platforms);
        platforms = Ui.name(new Table(content, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL), "note.platforms");
        GridDataFactory.fillDefaults().grab(true, false).hint(10, platforms.getItemHeight() * 6).applyTo(platforms);
        platforms.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                accepted.remove(LabelFamily.PLATFORMS);
            }
        });

        Sections.label(content, Messages.Editor_needs);
        Composite needBox = Sections.wrapRow(content);
        for (Need n : Need.values()) {
            needs.put(n, termBox(needBox, "note.need.", n));
        }

        Sections.label(content, Messages.Editor_affordances);
        Composite affBox = Sections.wrapRow(content);
        for (Affordance a : Affordance.values()) {
            affordances.put(a, termBox(affBox, "note.affordance.", a));
        }

        // Phenomena from the knowledge centres' thesaurus: given by accepting suggestions, or
        // "none of these" (then the tagger adds none either).
        Sections.label(content, Messages.Editor_phenomena);
        Composite phenomenaRow = Sections.wrapRow(content);
        phenomenaText = Ui.name(new Label(phenomenaRow, SWT.WRAP), "note.phenomena");
        Button noPhenomena = Ui.name(new Button(phenomenaRow, SWT.PUSH), "note.noPhenomena");
        noPhenomena.setText(Messages.Editor_noPhenomena);
        noPhenomena.setToolTipText(Messages.Editor_noPhenomenaTip);
        noPhenomena.addListener(SWT.Selection, e -> {
            phenomena.clear();
            accepted.add(LabelFamily.PHENOMENA);
            showPhenomena();
            changed.run();
        });

        Sections.label(content, Messages.Editor_polarity);
        polarity = choice(content, "note.polarity", Arrays.stream(Polarity.values()).map(Polarity::label).toList());

        for (Text t : List.of(title, body, source)) {
            t.addModifyListener(e -> textChanged.run());
        }
        // Every change the worker can make marks the note as unsaved (a '*' in the part's tab).
        for (Text t : List.of(title, body, source, observed)) {
            t.addListener(SWT.Modify, e -> changed.run());
        }
        for (var c : List.of(platforms, polarity, urgency)) {
            c.addListener(SWT.Selection, e -> changed.run());
        }
        needs.values().forEach(b -> b.addListener(SWT.Selection, e -> changed.run()));
        affordances.values().forEach(b -> b.addListener(SWT.Selection, e -> changed.run()));
    }

    /** A read-only drop-down named {@code name}: "(not set)", then {@code labels}; "(not set)" chosen. */
    private Combo choice(Composite parent, String name, List<LocalizedText> labels) {
        Combo c = Ui.name(new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN), name);
        c.add(Messages.Editor_notSet);
        for (LocalizedText label : labels) {
            c.add(label.get(locale));
        }
        c.select(0);
        return c;
    }

    /** A check box for a need or affordance, named {@code prefix} + its id, its description as tip. */
    private Button termBox(Composite row, String prefix, Term term) {
        Button b = Ui.name(new Button(row, SWT.CHECK), prefix + term.id());
        b.setText(term.label(locale));
        b.setToolTipText(term.description().get(locale));
        return b;
    }

    /** Wide enough for a date with some room: the field does not stretch across the form. */
    private static int dateWidth(Text field) {
        GC gc = new GC(field);
        try {
            return gc.textExtent("00-00-00000").x + 16;
        } finally {
            gc.dispose();
        }
    }

    // ------------------------------------------------------------------ note in

    /** Shows {@code n} in the fields; what the worker confirmed of it counts as accepted. */
    public void fill(TrendNote n) {
        title.setText(n.title());
        body.setText(n.body());
        setPlatforms(n.platforms());
        needs.forEach((k, b) -> b.setSelection(n.needs().contains(k)));
        affordances.forEach((k, b) -> b.setSelection(n.affordances().contains(k)));
        polarity.select(n.polarity() == null ? 0 : n.polarity().ordinal() + 1);
        urgency.select(n.urgency() == null ? 0 : n.urgency().ordinal() + 1);
        source.setText(n.source() == null ? "" : n.source());
        observed.setText(Dates.format(n.observed() == null ? LocalDate.now() : n.observed()));
        accepted.clear();
        accepted.addAll(n.confirmed());
        phenomena.clear();
        phenomena.addAll(n.phenomena());
        showPhenomena();
    }

    /** Lists the catalog's platforms again (it changed), keeping the ticks. */
    public void refreshPlatforms() {
        Set<String> checked = new LinkedHashSet<>(checkedPlatforms());
        platforms.removeAll();
        for (Platform p : catalog.platforms()) {
            TableItem item = new TableItem(platforms, SWT.NONE);
            item.setText(p.name());
            item.setData(p.id());
            item.setChecked(checked.contains(p.id()));
        }
    }

    private List<String> checkedPlatforms() {
        List<String> ids = new ArrayList<>();
        for (TableItem item : platforms.getItems()) {
            if (item.getChecked()) {
                ids.add((String) item.getData());
            }
        }
        return ids;
    }

    /** Checks exactly the given platform ids; ids the catalog does not know are kept as they are. */
    private void setPlatforms(List<String> ids) {
        Set<String> known = new LinkedHashSet<>();
        for (TableItem item : platforms.getItems()) {
            item.setChecked(ids.contains(item.getData()));
            known.add((String) item.getData());
        }
        otherPlatforms = ids.stream().filter(id -> !known.contains(id)).toList();
        changed.run();
    }

    /** The phenomena line: the given ones by name, "none of these", or not given yet. */
    private void showPhenomena() {
        var thesaurus = PluginContributions.thesaurus(catalog, problem -> {
        });
        phenomenaText.setText(phenomena.isEmpty()
                ? (accepted.contains(LabelFamily.PHENOMENA) ? Messages.Editor_phenomenaNone : Messages.Editor_phenomenaNotGiven)
                : String.join(", ", phenomena.stream().map(id -> thesaurus.get(id).map(p -> p.label().get(locale)).orElse(id)).toList()));
        phenomenaText.getParent().layout(true);
    }

    // ------------------------------------------------------------------ note out

    /** What the worker can change, to compare with the form as it was opened or saved. */
    public List<Object> state() {
        return List.of(title.getText(), body.getText(), List.copyOf(checkedPlatforms()), List.copyOf(otherPlatforms),
                selected(needs), selected(affordances), polarity.getSelectionIndex(), urgency.getSelectionIndex(),
                source.getText(), observed.getText(), List.copyOf(phenomena), accepted.contains(LabelFamily.PHENOMENA));
    }

    private static <K> List<K> selected(Map<K, Button> boxes) {
        return boxes.entrySet().stream().filter(e -> e.getValue().getSelection()).map(Map.Entry::getKey).toList();
    }

    /** The title as typed. */
    public String titleText() {
        return title.getText();
    }

    /** The urgency chosen, or null when not set. */
    public Urgency urgency() {
        int index = urgency.getSelectionIndex();
        return index <= 0 ? null : Urgency.values()[index - 1];
    }

    /** The note's phenomena as given so far. */
    public List<String> phenomena() {
        return List.copyOf(phenomena);
    }

    /** The needs ticked. */
    public Set<Need> needs() {
        Set<Need> ns = EnumSet.noneOf(Need.class);
        ns.addAll(selected(needs));
        return ns;
    }

    /**
     * The note as the form describes it now (not saved): on top of {@code base} when it edits a
     * stored note, else a new one.
     */
    public TrendNote draft(StoredNote base, boolean piiKept) {
        String id = base != null ? base.id()
                : NoteIds.fromContent("note", title.getText(), body.getText(), Instant.now().toString());
        List<String> ps = new ArrayList<>(checkedPlatforms());
        ps.addAll(otherPlatforms);
        Set<Affordance> as = EnumSet.noneOf(Affordance.class);
        as.addAll(selected(affordances));
        // An unreadable date stands for the stored one (or today) here; save() refuses it.
        LocalDate obs = Dates.day(observed.getText())
                .orElse(base != null && base.note().observed() != null ? base.note().observed() : LocalDate.now());
        NoteBuilder b = base != null ? NoteBuilder.from(base.note()) : NoteBuilder.create(id).language(locale.getLanguage());
        b.title(title.getText().strip()).body(body.getText()).platforms(ps).needs(needs()).affordances(as).phenomena(phenomena)
                .polarity(polarity.getSelectionIndex() <= 0 ? null : Polarity.values()[polarity.getSelectionIndex() - 1])
                .urgency(urgency())
                .source(source.getText().isBlank() ? TrendNote.TEAM_OBSERVATION : source.getText().strip())
                .observed(obs).piiKept(piiKept);
        // What a worker set in the form is their label, and so is a suggestion they accepted.
        b.confirmed(accepted).confirmGivenLabels();
        if (base == null) {
            TrendNote note = b.build();
            CatalogQueries.activeOrganisation(catalog).map(Retention::of).flatMap(r -> r.expiryForNew(note, LocalDate.now()))
                    .ifPresent(b::expires);
        }
        return b.build();
    }

    public void focusTitle() {
        title.setFocus();
    }

    // ------------------------------------------------------------------ observed date

    /** What is wrong with the typed date, or null when it is a real day, today or earlier. */
    public String dateProblem() {
        String typed = observed.getText().strip();
        String today = Dates.format(LocalDate.now());
        Optional<LocalDate> day = Dates.day(typed);
        if (!typed.isEmpty() && day.isEmpty()) {
            return NLS.bind(Messages.Editor_observedBad, typed);
        }
        return ObservedDay.check(day.orElse(null), LocalDate.now()).map(problem -> switch (problem) {
        case MISSING -> NLS.bind(Messages.Editor_observedEmpty, today);
        case IN_FUTURE -> NLS.bind(Messages.Editor_observedFuture, Dates.format(day.get()), today);
        }).orElse(null);
    }

    public void focusObserved() {
        observed.setFocus();
    }

    /** Shows or hides the problem under the date field while the worker types. */
    private void checkObserved() {
        String problem = dateProblem();
        boolean had = observedProblem.getVisible();
        observedProblem.setText(problem == null ? "" : problem);
        Sections.show(observedProblem, problem != null);
        if (had || problem != null) {
            // Shown, hidden or a message of another length: the form's height changes.
            reflow.run();
        }
    }

    // ------------------------------------------------------------------ accepting a suggestion

    /** Sets the suggested label in the form; its family counts as confirmed. */
    public void accept(NoteSuggestions.Label s) {
        switch (s.family()) {
            case PLATFORMS -> {
                for (TableItem item : platforms.getItems()) {
                    if (s.value().equals(item.getData())) {
                        item.setChecked(true);
                    }
                }
            }
            case NEEDS -> Terms.byId(Need.class, s.value()).ifPresent(n -> needs.get(n).setSelection(true));
            case AFFORDANCES -> Terms.byId(Affordance.class, s.value()).ifPresent(a -> affordances.get(a).setSelection(true));
            case PHENOMENA -> {
                if (!phenomena.contains(s.value())) {
                    phenomena.add(s.value());
                }
                accepted.add(LabelFamily.PHENOMENA);
                showPhenomena();
            }
            case POLARITY -> Polarity.byId(s.value()).ifPresent(p -> polarity.select(p.ordinal() + 1));
            case URGENCY -> Urgency.byId(s.value()).ifPresent(u -> {
                urgency.select(u.ordinal() + 1);
                urgencyChanged.run();
            });
        }
        accepted.add(s.family());
    }
}
