package org.vindplaats.ui.diagnostics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.osgi.service.event.Event;
import org.vindplaats.app.NoteQuery;
import org.vindplaats.catalog.Catalog;
import org.vindplaats.model.Platform;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.LayoutCheck;
import org.vindplaats.ui.parts.ComparePart;
import org.vindplaats.ui.parts.CompareView;
import org.vindplaats.ui.parts.InboxPart;
import org.vindplaats.ui.parts.NeedsMapPart;
import org.vindplaats.ui.parts.NoteEditorPart;
import org.vindplaats.ui.parts.PlatformsPart;
import org.vindplaats.ui.parts.PluginsPart;
import org.vindplaats.ui.parts.TrendNotesPart;

import jakarta.inject.Inject;

/**
 * Screenshot mode, for the README and for checking layouts by eye: when the system property
 * {@value #PROPERTY} or the environment variable {@value #ENV} names a folder, the workbench walks
 * through every perspective and part once it has started, saves a PNG of the window for each
 * (GC.copyArea) and exits. releng/screenshots.sh uses it under Xvfb.
 */
public final class ScreenshotAddon {

    public static final String PROPERTY = "vindplaats.screenshots";
    public static final String ENV = "VINDPLAATS_SCREENSHOTS";
    private static final int SETTLE_MS = 1500;

    /** One picture: what to show, and when it is ready (background searches have answered). */
    private record Step(String file, Runnable prepare, BooleanSupplier ready) {
        Step(String file, Runnable prepare) {
            this(file, prepare, () -> true);
        }
    }

    private static final long READY_TIMEOUT_MS = 20_000;

    /** The window size, "WIDTHxHEIGHT"; 1366x768 when not set. */
    public static final String SCREEN_ENV = "VINDPLAATS_SCREEN";

    /** What the layout check found cut off, per picture, in the order found (written to {@value #LAYOUT_REPORT}). */
    public static final String LAYOUT_REPORT = "layout-report.txt";
    private final java.util.Map<String, String> layoutProblems = new java.util.LinkedHashMap<>();

    static int[] screen(String value) {
        if (value != null && value.matches("\\d{3,4}x\\d{3,4}")) {
            String[] wh = value.split("x");
            return new int[] { Integer.parseInt(wh[0]), Integer.parseInt(wh[1]) };
        }
        return new int[] { 1366, 768 };
    }

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app,
            IWorkbench workbench, Catalog catalog) {
        String dir = System.getProperty(PROPERTY, System.getenv(ENV));
        if (dir == null || dir.isBlank() || app.getChildren().isEmpty()) {
            return;
        }
        Path out = Path.of(dir);
        MWindow window = app.getChildren().get(0);
        EPartService parts = window.getContext().get(EPartService.class);
        Shell shell = (Shell) window.getWidget();
        Display display = shell.getDisplay();
        display.setCursorLocation(0, 0); // no tooltips under the pointer in the pictures
        // A laptop screen: the pictures show what a worker with 1366x768 (or VINDPLAATS_SCREEN) sees.
        int[] size = screen(System.getenv(SCREEN_ENV));
        shell.setMaximized(false);
        shell.setBounds(0, 0, size[0], size[1]);

        List<String> ids = catalog.platforms().stream().map(Platform::id).toList();
        String first = pick(ids, "tiktok", 0);
        List<String> compare = new ArrayList<>();
        for (String id : List.of("tiktok", "discord", "whatsapp", "snapchat")) {
            if (ids.contains(id)) {
                compare.add(id);
            }
        }
        for (int i = 0; compare.size() < Math.min(CompareView.MAX_PLATFORMS, ids.size()); i++) {
            if (!compare.contains(ids.get(i))) {
                compare.add(ids.get(i));
            }
        }

        List<Step> steps = List.of(
                new Step("platforms.png", () -> {
                    parts.switchPerspective(Ids.PERSPECTIVE_ORIENT);
                    MPart p = parts.showPart(Ids.PART_PLATFORMS, PartState.ACTIVATE);
                    if (first != null && p != null && p.getObject() instanceof PlatformsPart pp) {
                        pp.view().select(first);
                    }
                }),
                new Step("platform-detail.png", () -> parts.showPart(Ids.PART_DETAIL, PartState.ACTIVATE)),
                new Step("method.png", () -> parts.showPart(Ids.PART_METHOD, PartState.ACTIVATE)),
                new Step("compare.png", () -> {
                    MPart p = parts.showPart(Ids.PART_COMPARE, PartState.ACTIVATE);
                    if (p != null && p.getObject() instanceof ComparePart cp) {
                        cp.view().setChecked(compare);
                    }
                }),
                new Step("trend-notes.png", () -> {
                    parts.switchPerspective(Ids.PERSPECTIVE_SIGNAL);
                    MPart p = parts.showPart(Ids.PART_TREND_NOTES, PartState.ACTIVATE);
                    if (p != null && p.getObject() instanceof TrendNotesPart tp) {
                        // A phenomenon: the status line then names it and counts the notes that only resemble it.
                        tp.view().show(NoteQuery.of("grooming"));
                    }
                }, () -> {
                    MPart p = parts.findPart(Ids.PART_TREND_NOTES);
                    Table hits = NamedWidgets.find(p, "notes.table", Table.class);
                    // The sample notes are imported in the background on a first start: wait for them.
                    return hits != null && hits.getItemCount() > 0 && p.getObject() instanceof TrendNotesPart tp && tp.view().idle();
                }),
                new Step("note-editor.png", () -> {
                    // The first hit, opened as a worker would: chosen in the list, then Open.
                    MPart p = parts.findPart(Ids.PART_TREND_NOTES);
                    Table hits = NamedWidgets.find(p, "notes.table", Table.class);
                    Button open = NamedWidgets.find(p, "notes.open", Button.class);
                    if (hits != null && open != null && hits.getItemCount() > 0) {
                        hits.select(0);
                        open.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                    }
                    MPart e = parts.findPart(Ids.PART_NOTE_EDITOR);
                    if (e != null && e.getObject() instanceof NoteEditorPart ep) {
                        ep.view().suggest();
                    }
                }, () -> {
                    MPart e = parts.findPart(Ids.PART_NOTE_EDITOR);
                    return e != null && e.getObject() instanceof NoteEditorPart ep && ep.view().suggestionsReady();
                }),
                new Step("needs-map.png", () -> parts.showPart(Ids.PART_NEEDS_MAP, PartState.ACTIVATE), () -> {
                    MPart p = parts.findPart(Ids.PART_NEEDS_MAP);
                    return p != null && p.getObject() instanceof NeedsMapPart np && np.view().idle()
                            && !np.view().rowIds().isEmpty();
                }),
                new Step("inbox.png", () -> parts.showPart(Ids.PART_INBOX, PartState.ACTIVATE), () -> {
                    MPart p = parts.findPart(Ids.PART_INBOX);
                    return p != null && p.getObject() instanceof InboxPart ip && ip.view().isSettled();
                }),
                new Step("plugins.png", () -> {
                    parts.switchPerspective(Ids.PERSPECTIVE_MANAGE);
                    parts.showPart(Ids.PART_PLUGINS, PartState.ACTIVATE);
                }),
                new Step("plugins-repositories.png", () -> {
                    MPart p = parts.showPart(Ids.PART_PLUGINS, PartState.ACTIVATE);
                    if (p != null && p.getObject() instanceof PluginsPart pp) {
                        pp.showRepositories();
                    }
                }),
                new Step("organisation.png", () -> parts.showPart(Ids.PART_ORGANISATION, PartState.ACTIVATE)),
                new Step("hub.png", () -> parts.showPart(Ids.PART_HUB, PartState.ACTIVATE)));
        run(display, shell, out, steps, 0, workbench);
    }

    private static String pick(List<String> ids, String preferred, int fallback) {
        if (ids.contains(preferred)) {
            return preferred;
        }
        return ids.size() > fallback ? ids.get(fallback) : null;
    }

    private void run(Display display, Shell shell, Path out, List<Step> steps, int index, IWorkbench workbench) {
        if (index >= steps.size() || shell.isDisposed()) {
            ILog.of(ScreenshotAddon.class).info("Screenshots saved in " + out.toAbsolutePath());
            try {
                Files.write(out.resolve(LAYOUT_REPORT), layoutProblems.entrySet().stream()
                        .map(e -> e.getValue() + ": " + e.getKey()).toList());
            } catch (java.io.IOException e) {
                ILog.of(ScreenshotAddon.class).error("Cannot write the layout report " + out.resolve(LAYOUT_REPORT), e);
            }
            workbench.close();
            return;
        }
        Step step = steps.get(index);
        try {
            step.prepare().run();
        } catch (RuntimeException e) {
            ILog.of(ScreenshotAddon.class).error("Screenshot step " + step.file() + " failed", e);
        }
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        whenReady(display, step.ready(), deadline, () -> display.timerExec(SETTLE_MS, () -> {
            try {
                capture(display, shell, out.resolve(step.file()));
                for (String problem : LayoutCheck.clipped(shell)) {
                    layoutProblems.putIfAbsent(problem, step.file()); // a part visible in several pictures: once
                }
            } catch (Exception e) {
                ILog.of(ScreenshotAddon.class).error("Cannot save the screenshot " + out.resolve(step.file()), e);
            }
            run(display, shell, out, steps, index + 1, workbench);
        }));
    }

    /** Runs {@code then} once {@code ready} holds (checked every 100 ms), or at the deadline anyway. */
    private static void whenReady(Display display, BooleanSupplier ready, long deadline, Runnable then) {
        boolean ok;
        try {
            ok = ready.getAsBoolean();
        } catch (RuntimeException e) {
            ok = true;
        }
        if (ok || System.currentTimeMillis() > deadline) {
            then.run();
        } else {
            display.timerExec(100, () -> whenReady(display, ready, deadline, then));
        }
    }

    /**
     * Under Xvfb without a window manager the shell can report a few pixels more than it is
     * shown with; those rows come out black. Cut them off.
     */
    static ImageData trimBlackBottom(ImageData data) {
        int height = data.height;
        while (height > 1) {
            boolean black = true;
            for (int x = 0; x < data.width && black; x += 7) {
                org.eclipse.swt.graphics.RGB rgb = data.palette.getRGB(data.getPixel(x, height - 1));
                black = rgb.red == 0 && rgb.green == 0 && rgb.blue == 0;
            }
            if (!black) {
                break;
            }
            height--;
        }
        if (height == data.height) {
            return data;
        }
        ImageData cut = new ImageData(data.width, height, data.depth, data.palette);
        int[] row = new int[data.width];
        for (int y = 0; y < height; y++) {
            data.getPixels(0, y, data.width, row, 0);
            cut.setPixels(0, y, data.width, row, 0);
        }
        return cut;
    }

    /** Saves what the window shows now as a PNG. */
    public static void capture(Display display, Shell shell, Path file) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        shell.forceActive();
        while (display.readAndDispatch()) {
            // paint everything pending
        }
        display.update();
        Rectangle b = shell.getBounds();
        Image image = new Image(display, b.width, b.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, b.x, b.y);
        } finally {
            gc.dispose();
        }
        try {
            ImageData data = trimBlackBottom(image.getImageData());
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}
