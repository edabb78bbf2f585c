package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.catalog.GuideReader;
import org.vindplaats.model.MethodGuide;
import org.vindplaats.ui.Messages;
import org.vindplaats.ui.parts.MethodView;

/**
 * The Methode part with the guide the example knowledge centre ships, on a laptop-sized window in
 * Dutch: a worker walks the tree with the keyboard's selection and reads the parts with their
 * sources.
 */
class MethodViewTest {

    private Display display;
    private Shell shell;
    private MethodView view;
    /** The topics and their entries. */
    private Tree tree;

    @BeforeEach
    void open() throws Exception {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setSize(1366 / 2, 700);
        shell.setLayout(new FillLayout());
        Composite parent = new Composite(shell, SWT.NONE);
        view = new MethodView(parent, Locale.of("nl"));
        view.setGuide(shippedGuide());
        tree = Widgets.find(parent, "method.tree", Tree.class);
        shell.open();
        TestData.flush(display);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    static MethodGuide shippedGuide() throws Exception {
        Bundle kc = null;
        for (Bundle b : FrameworkUtil.getBundle(MethodView.class).getBundleContext().getBundles()) {
            if ("org.vindplaats.organisation.kenniscentrum-voorbeeld".equals(b.getSymbolicName())) {
                kc = b;
            }
        }
        try (InputStream in = kc.getEntry("data/method-guide.json").openStream()) {
            GuideReader.Result r = GuideReader.read(in.readAllBytes(), "kenniscentrum-voorbeeld", "data/method-guide.json");
            assertTrue(r.problems().isEmpty(), r.problems().toString());
            return r.guide();
        }
    }

    private void choose(TreeItem item) {
        tree.setSelection(item);
        Event e = new Event();
        e.item = item;
        tree.notifyListeners(SWT.Selection, e);
        TestData.flush(display);
    }

    private String shown() {
        StringBuilder sb = new StringBuilder();
        collect(shell, sb);
        return sb.toString();
    }

    private static void collect(Composite c, StringBuilder sb) {
        for (Control child : c.getChildren()) {
            if (child instanceof Label l && child.isVisible()) {
                sb.append(l.getText()).append('\n');
            } else if (child instanceof Composite cc) {
                collect(cc, sb);
            }
        }
    }

    @Test
    void opensOnTheStepsWithTheirDescriptionsAndWhichNeverStop() {
        assertEquals(MethodGuide.TOPIC_IDS.size(), tree.getItemCount());
        String text = shown();
        assertTrue(text.contains("1. Oriënteren  \u2014 " + Messages.Method_continuous), text);
        assertTrue(text.contains("Een stap waar je nooit mee klaar bent"), "the step's description, not only its name:\n" + text);
        assertTrue(text.contains("ga dan meteen naar stap 7"), text);
        assertTrue(text.contains(NLS.bind(Messages.Method_source, "Echt zijn in de online leefwereld")), text);
    }

    @Test
    void choosingAPartOfSignallingShowsTheWeighingPointsAndTheNoReactionRule() {
        TreeItem signalling = tree.getItem(MethodGuide.TOPIC_IDS.indexOf("signalling"));
        TreeItem noReaction = null;
        for (TreeItem i : signalling.getItems()) {
            if ("signalling/no_reaction".equals(i.getData())) {
                noReaction = i;
            }
        }
        choose(noReaction);
        String text = shown();
        assertTrue(text.contains("Geen reactie kan ook een signaal zijn"), text);
        assertTrue(text.contains("Urgentie: loopt de jongere"), "the whole topic is shown:\n" + text);
        assertTrue(text.contains("p. 29-32"), text);
        assertEquals(noReaction, tree.getSelection()[0]);
    }

    @Test
    void principlesNameTheStepsTheyBelongTo() {
        choose(tree.getItem(MethodGuide.TOPIC_IDS.indexOf("principles")));
        String text = shown();
        assertTrue(text.contains("Belonen"), text);
        assertTrue(text.contains(Messages.Method_steps + ": 2. Bekendheid en toegankelijkheid vergroten"), text);
    }

    @Test
    void withoutAGuideTheViewSaysWhatToInstall() {
        view.setGuide(MethodGuide.EMPTY);
        TestData.flush(display);
        assertEquals(0, tree.getItemCount());
        assertTrue(shown().contains(Messages.Method_none), shown());
    }
}
