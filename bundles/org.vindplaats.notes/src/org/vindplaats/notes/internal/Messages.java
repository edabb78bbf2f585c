package org.vindplaats.notes.internal;

import org.eclipse.osgi.util.NLS;

/**
 * User-facing messages of org.vindplaats.notes in English (messages.properties) and Dutch
 * (messages_nl.properties). Fields are filled by {@link NLS} from the properties with the same name.
 */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.vindplaats.notes.internal.messages"; //$NON-NLS-1$

    public static String NoteIds_empty;
    public static String NoteIds_tooLong;
    public static String NoteIds_pathLike;
    public static String NoteIds_unsafe;
    public static String NoteIds_reserved;
    public static String Labels_need;
    public static String Labels_affordance;
    public static String Labels_polarity;
    public static String Labels_urgency;
    public static String Labels_family;
    public static String Labels_unknownDidYouMean;
    public static String Labels_unknown;
    public static String Labels_badPlatform;
    public static String Labels_badPhenomenon;
    public static String NoteFile_noFrontMatter;
    public static String NoteFile_unclosedFrontMatter;
    public static String NoteFile_badYaml;
    public static String NoteFile_notAMapping;
    public static String NoteFile_noId;
    public static String NoteFile_idMismatch;
    public static String NoteFile_badRevision;
    public static String NoteFile_unknownField;
    public static String NoteFile_notAValue;
    public static String NoteFile_notAList;
    public static String NoteFile_badDate;
    public static String NoteFile_badTimestamp;
    public static String NoteStore_readFailed;
    public static String Drafts_writeFailed;
    public static String NoteStore_badFileName;
    public static String NoteStore_notUtf8;
    public static String NoteStore_cannotOverwriteUnreadable;
    public static String NoteStore_writeFailed;
    public static String NoteStore_conflict;
    public static String NoteStore_conflictDeleted;
    public static String NoteStore_deleteFailed;
    public static String NoteStore_busy;
    public static String Workspace_notAWorkspace;
    public static String Workspace_missing;
    public static String Workspace_isAFile;
    public static String Workspace_notEmpty;
    public static String Workspace_cannotOpen;
    public static String Workspace_badDescriptor;
    public static String Workspace_noFormat;
    public static String Workspace_newerFormat;
    public static String Workspace_tightened;
    public static String Retention_task;
    public static String Retention_summary;
    public static String Retention_summaryCancelled;
    public static String ImportReport_counts;
    public static String ImportReport_piiKept;
    public static String ImportReport_noPii;
    public static String ImportReport_piiReplaced;
    public static String ImportReport_cancelled;
    public static String ImportReport_stopped;
    public static String ImportReport_skippedLine;
    public static String ImportReport_warningLine;
    public static String Import_empty;
    public static String Import_bodyCut;
    public static String Import_duplicateId;
    public static String Import_existingUnreadable;
    public static String Import_unknownPlatformDidYouMean;
    public static String Import_unknownPlatform;
    public static String Import_reading;
    public static String Jsonl_tooLong;
    public static String Jsonl_windows1252;
    public static String Jsonl_badEncoding;
    public static String Jsonl_badByte;
    public static String Jsonl_andMore;
    public static String Jsonl_badJson;
    public static String Jsonl_notObject;
    public static String Jsonl_unknownField;
    public static String Jsonl_notText;
    public static String Jsonl_badDate;
    public static String Jsonl_labelIgnored;
    public static String Markdown_notUtf8;
    public static String Markdown_titleFromFileName;
    public static String Html_truncatedFile;
    public static String Html_truncatedText;
    public static String Html_noText;
    public static String Import_fileTooLarge;
    public static String Feed_externalRefused;
    public static String Feed_notWellFormed;
    public static String Feed_doctype;
    public static String Feed_notAFeed;
    public static String Feed_entity;
    public static String Import_task;
    public static String Import_noSuchPath;
    public static String Import_ignoredFiles;
    public static String Import_nothingInFolder;
    public static String Import_unsupported;
    public static String Import_cannotRead;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
