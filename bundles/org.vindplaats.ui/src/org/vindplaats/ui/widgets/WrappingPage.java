package org.vindplaats.ui.widgets;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;

/**
 * A page that scrolls vertically and whose texts wrap at the visible width instead of running off
 * the side (the Platform and Organisation parts). The content is measured again only when the
 * width changed or the content was rebuilt: measuring a few hundred wrapping labels is what such
 * a page costs. The parent needs a GridLayout.
 */
public final class WrappingPage {

    private final ScrolledComposite scroller;
    private final Composite content;
    private int laidOutWidth = -1;

    public WrappingPage(Composite parent) {
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.setShowFocusedControl(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
        content = new Composite(scroller, SWT.NONE);
        scroller.setContent(content);
        scroller.addListener(SWT.Resize, e -> reflow(false));
    }

    public ScrolledComposite scroller() {
        return scroller;
    }

    /** Where the page's widgets go; give it a layout. */
    public Composite content() {
        return content;
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
