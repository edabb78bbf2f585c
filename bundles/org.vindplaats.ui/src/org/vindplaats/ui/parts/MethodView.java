package org.vindplaats.ui.parts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.model.Term;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.widgets.Ui;
import org.vindplaats.ui.widgets.WrappingPage;

/**
 * The method guide (Oriënteren > Methode): topics and their parts in a tree on the left, the
 * chosen topic to read on the right, every part with the steps, principles and affordances it
 * links to and its source with pages. The tree is the keyboard's way in: arrows choose, the text
 * follows.
 */
public final class MethodView {

    private final Locale locale;
    private final Tree tree;
    private final WrappingPage page;
    private final ScrolledComposite scroller;
    private final Composite content;
    /** The heading label of each entry shown, to scroll to it. */
    private final Map<String, Control> anchors = new LinkedHashMap<>();
    private MethodGuide guide = MethodGuide.EMPTY;
    private String shownTopic;

    public MethodView(Composite parent, Locale locale) {
        this.locale = locale;
        GridLayoutFactory.fillDefaults().applyTo(parent);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        tree = Ui.name(new Tree(sash, SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION), "method.tree");
        tree.getAccessible();
        page = WrappingPage.live(sash);
        scroller = page.scroller();
        scroller.getVerticalBar().setIncrement(24);
        content = page.content();
        GridLayoutFactory.fillDefaults().margins(8, 4).spacing(0, 4).applyTo(content);
        // A laptop screen: the tree takes a bit over a third (topic names fit), the text the rest.
        sash.setWeights(38, 62);
        tree.addListener(SWT.Selection, e -> {
            if (e.item instanceof TreeItem item && item.getData() instanceof String key) {
                select(key);
            }
        });
    }

    /** Shows this guide; keeps the topic the reader was in when it still exists. */
    public void setGuide(MethodGuide guide) {
        this.guide = guide == null ? MethodGuide.EMPTY : guide;
        tree.removeAll();
        for (MethodGuide.Topic t : this.guide.topics()) {
            TreeItem ti = new TreeItem(tree, SWT.NONE);
            ti.setText(t(t.title()));
            ti.setData(t.id());
            for (MethodGuide.Entry e : t.entries()) {
                TreeItem ei = new TreeItem(ti, SWT.NONE);
                ei.setText(number(e) + t(e.heading()));
                ei.setData(t.id() + "/" + e.id());
            }
        }
        String first = this.guide.topics().isEmpty() ? null : this.guide.topics().get(0).id();
        select(shownTopic != null && this.guide.topic(shownTopic).isPresent() ? shownTopic : first);
    }

    /**
     * Shows a topic ("signalling") or one part of it ("signalling/weigh", scrolled into view),
     * and selects it in the tree.
     */
    public void select(String key) {
        if (key == null) {
            showTopic(null);
            return;
        }
        String topic = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
        if (!topic.equals(shownTopic) || anchors.isEmpty()) {
            showTopic(topic);
        }
        for (TreeItem ti : tree.getItems()) {
            if (key.equals(ti.getData())) {
                tree.setSelection(ti);
            }
            for (TreeItem ei : ti.getItems()) {
                if (key.equals(ei.getData())) {
                    ti.setExpanded(true);
                    tree.setSelection(ei);
                }
            }
        }
        Control anchor = anchors.get(key);
        if (anchor != null) {
            scroller.setOrigin(0, anchor.getBounds().y);
        } else {
            scroller.setOrigin(0, 0);
        }
    }

    private void showTopic(String id) {
        shownTopic = id;
        anchors.clear();
        content.setRedraw(false);
        try {
            Ui.disposeChildren(content);
            MethodGuide.Topic topic = id == null ? null : guide.topic(id).orElse(null);
            if (topic == null) {
                Ui.text(content, Messages.Method_none, 1);
            } else {
                Ui.heading(content, t(topic.title()), 1);
                if (!topic.intro().isEmpty()) {
                    Ui.text(content, t(topic.intro()), 1);
                }
                for (MethodGuide.Entry e : topic.entries()) {
                    entry(topic, e);
                }
            }
        } finally {
            content.setRedraw(true);
        }
        page.changed();
    }

    private void entry(MethodGuide.Topic topic, MethodGuide.Entry e) {
        String heading = number(e) + t(e.heading()) + (e.continuous() ? "  \u2014 " + Messages.Method_continuous : "");
        Label h = Ui.strong(content, heading, 1);
        GridDataFactory.createFrom((org.eclipse.swt.layout.GridData) h.getLayoutData()).indent(0, 12).applyTo(h);
        anchors.put(topic.id() + "/" + e.id(), h);
        Ui.text(content, t(e.body()), 1);
        if (!e.points().isEmpty()) {
            Ui.bullets(content, e.points().stream().map(this::t).toList());
        }
        List<String> links = new ArrayList<>();
        if (!e.steps().isEmpty()) {
            links.add(Messages.Method_steps + ": " + String.join(", ", e.steps().stream().map(s -> s.number() + ". " + t(s.label())).toList()));
        }
        List<? extends Term> principles = e.step() != null ? List.copyOf(guide.principlesFor(e.step())) : e.principles();
        if (!principles.isEmpty()) {
            links.add(Messages.Method_principles + ": " + names(principles));
        }
        if (!e.affordances().isEmpty()) {
            links.add(Messages.Method_affordances + ": " + names(e.affordances()));
        }
        if (e.source() != null) {
            links.add(NLS.bind(Messages.Method_source, guide.cite(e.source())));
        }
        if (!links.isEmpty()) {
            Label l = Ui.text(content, String.join("\n", links), 1);
            l.setData(Ui.CSS_CLASS, "vp-muted");
        }
    }

    private String names(List<? extends Term> terms) {
        return String.join(", ", terms.stream().map(x -> t(x.label())).toList());
    }

    private static String number(MethodGuide.Entry e) {
        return e.step() == null ? "" : e.step().number() + ". ";
    }

    private String t(LocalizedText text) {
        return text.get(locale);
    }

    /** Puts the focus in the tree of topics. */
    public void setFocus() {
        tree.setFocus();
    }
}
