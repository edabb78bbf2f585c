package org.vindplaats.ui;

/** Ids of the application model (Application.e4xmi) and context keys the parts share. */
public final class Ids {

    /** Context key (application context) holding the id of the platform chosen in Platforms. */
    public static final String SELECTED_PLATFORM = "org.vindplaats.ui.selectedPlatform";
    /**
     * The data key a view names its widgets under ({@code Ui.name}), for tests and the diagnostic
     * addons that find them by name: SWTBot's key, so SWTBot finds them too.
     */
    public static final String WIDGET_NAME = "org.eclipse.swtbot.widget.key";

    public static final String PERSPECTIVE_ORIENT = "org.vindplaats.ui.perspective.orient";
    public static final String PERSPECTIVE_SIGNAL = "org.vindplaats.ui.perspective.signal";
    public static final String PERSPECTIVE_MANAGE = "org.vindplaats.ui.perspective.manage";

    public static final String PART_PLATFORMS = "org.vindplaats.ui.part.platforms";
    public static final String PART_DETAIL = "org.vindplaats.ui.part.platformDetail";
    public static final String PART_COMPARE = "org.vindplaats.ui.part.compare";
    public static final String PART_METHOD = "org.vindplaats.ui.part.method";
    public static final String PART_INBOX = "org.vindplaats.ui.part.inbox";
    public static final String PART_TREND_NOTES = "org.vindplaats.ui.part.trendNotes";
    public static final String PART_NOTE_EDITOR = "org.vindplaats.ui.part.noteEditor";
    public static final String PART_NEEDS_MAP = "org.vindplaats.ui.part.needsMap";
    public static final String PART_PLUGINS = "org.vindplaats.ui.part.plugins";
    public static final String PART_ORGANISATION = "org.vindplaats.ui.part.organisation";
    public static final String PART_HUB = "org.vindplaats.ui.part.hub";

    public static final String COMMAND_PERSPECTIVE = "org.vindplaats.ui.command.perspective";
    public static final String PARAMETER_PERSPECTIVE = "org.vindplaats.ui.commandparameter.perspective";
    public static final String COMMAND_NEW_NOTE = "org.vindplaats.ui.command.newNote";
    public static final String COMMAND_SAVE_NOTE = "org.vindplaats.ui.command.saveNote";
    public static final String COMMAND_IMPORT_NOTES = "org.vindplaats.ui.command.importNotes";
    public static final String COMMAND_FIND_NOTES = "org.vindplaats.ui.command.findNotes";
    public static final String COMMAND_NEEDS_MAP = "org.vindplaats.ui.command.needsMap";
    /** "file" (default) or "folder". */
    public static final String PARAMETER_IMPORT_KIND = "org.vindplaats.ui.commandparameter.importKind";

    private Ids() {
    }
}
