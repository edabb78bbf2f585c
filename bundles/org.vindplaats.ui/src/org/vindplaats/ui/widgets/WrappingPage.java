package org.vindplaats.ui.widgets;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;

/**
 * A page that scrolls vertically and whose texts wrap at the visible width instead of running off
 * the side (the Platform, Organisation, Method, Note and Team hub parts), and that scrolls the
 * focused control into view. A page made with {@link #WrappingPage(Composite)} is measured again
 * only when the width changed or the content was rebuilt: measuring a few hundred wrapping labels
 * is what such a page costs. A {@link #live} page, whose controls change while it is shown
 * (forms, status), is measured and laid out whole on every resize and {@link #changed}.
 */
public final class WrappingPage {

    private final ScrolledComposite scroller;
    private final Composite content;
    private final boolean live;
    private int laidOutWidth = -1;

    /** A page in {@code parent} (in a GridLayout it fills the space). */
    public WrappingPage(Composite parent) {
        this(parent, false);
    }

    /** A page whose controls change while it is shown (see {@link #changed}). */
    public static WrappingPage live(Composite parent) {
        return new WrappingPage(parent, true);
    }

    private WrappingPage(Composite parent, boolean live) {
        this.live = live;
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.setShowFocusedControl(true);
        if (parent.getLayout() instanceof GridLayout) {
            GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
        }
        content = new Composite(scroller, SWT.NONE);
        scroller.setContent(content);
        scroller.addListener(SWT.Resize, e -> {
            if (live) {
                changed();
            } else {
                reflow(false);
            }
        });
    }

    public ScrolledComposite scroller() {
        return scroller;
    }

    /** Where the page's widgets go; give it a layout. */
    public Composite content() {
        return content;
    }

    /**
     * After controls of the content appeared, went or changed size: measures all of it again at
     * the visible width and lays out every level (a nested composite may have changed inside
     * without changing size).
     */
    public void changed() {
        laidOutWidth = width();
        scroller.setMinSize(content.computeSize(laidOutWidth, SWT.DEFAULT, true));
        content.layout(true, true);
    }

    /** After the content was rebuilt: measures it again at the visible width and lays it out. */
    public void rebuilt() {
        reflow(true);
    }

    /**
     * Measures the new content once and gives the scroller its size, then lays out {@code root}
     * (which holds the page): each layout pass makes GTK measure every wrapping label again, so
     * the scroller must know the size before the window lays out. Back at the top.
     */
    public void rebuiltAndShown(Composite root) {
        laidOutWidth = width();
        Point size = content.computeSize(laidOutWidth, SWT.DEFAULT, true);
        Point before = content.getSize();
        scroller.setMinSize(size);
        root.layout(true);
        if (content.getSize().equals(before)) {
            content.layout(false); // not resized, so not laid out yet
        }
        scroller.setOrigin(0, 0);
    }

    private int width() {
        return Math.max(scroller.getClientArea().width, 200);
    }

    private void reflow(boolean rebuilt) {
        int width = width();
        if (!rebuilt && width == laidOutWidth) {
            return;
        }
        laidOutWidth = width;
        scroller.setMinSize(content.computeSize(width, SWT.DEFAULT, rebuilt));
        if (rebuilt) {
            content.layout(false);
        }
    }
}
