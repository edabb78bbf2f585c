package org.vindplaats.catalog;

import org.eclipse.osgi.util.NLS;

/** User-facing texts of the catalog, in messages.properties (en) and messages_nl.properties (nl). */
public final class Messages extends NLS {
    private static final String BUNDLE_NAME = "org.vindplaats.catalog.messages";

    public static String Problem_error;
    public static String Problem_warning;
    public static String Problem_fix;

    public static String Thesaurus_tooLarge;
    public static String Thesaurus_missing;
    public static String Thesaurus_missing_fix;
    public static String Thesaurus_tooLarge_fix;
    public static String Thesaurus_syntax;
    public static String Thesaurus_syntax_fix;
    public static String Thesaurus_noList;
    public static String Thesaurus_noList_fix;
    public static String Thesaurus_format;
    public static String Thesaurus_format_fix;
    public static String Thesaurus_badId;
    public static String Thesaurus_badId_fix;
    public static String Thesaurus_duplicateId;
    public static String Thesaurus_duplicateId_fix;
    public static String Thesaurus_noLabel;
    public static String Thesaurus_noLabel_fix;
    public static String Thesaurus_unknownNeed;
    public static String Thesaurus_unknownAffordance;
    public static String Thesaurus_unknownTerm_fix;
    public static String Thesaurus_sharedLabel;
    public static String Thesaurus_sharedLabel_fix;
    public static String Thesaurus_unknownLink;
    public static String Thesaurus_unknownLink_fix;
    public static String Thesaurus_cycle;
    public static String Thesaurus_cycle_fix;

    public static String Load_notFound;
    public static String Load_notFound_fix;
    public static String Load_tooLarge;
    public static String Load_tooLarge_fix;
    public static String Load_encoding;
    public static String Load_encoding_fix;
    public static String Load_bom;
    public static String Load_bom_fix;
    public static String Load_syntax;
    public static String Load_empty;
    public static String Load_empty_fix;
    public static String Load_syntax_fix;
    public static String Load_duplicateKey;
    public static String Load_duplicateKey_fix;
    public static String Load_tooDeep;
    public static String Load_tooDeep_fix;
    public static String Load_unreadable;
    public static String Load_unreadable_fix;

    public static String Schema_required;
    public static String Schema_required_fix;
    public static String Schema_unknownProperty;
    public static String Schema_unknownProperty_fix;
    public static String Schema_unknownId;
    public static String Schema_unknownId_didYouMean;
    public static String Schema_unknownId_fix;
    public static String Schema_enum;
    public static String Schema_enum_fix;
    public static String Schema_range;
    public static String Schema_range_fix;
    public static String Schema_type;
    public static String Schema_type_fix;
    public static String Schema_pattern;
    public static String Schema_pattern_fix_date;
    public static String Schema_pattern_fix_url;
    public static String Schema_pattern_fix_id;
    public static String Schema_pattern_fix_version;
    public static String Schema_pattern_fix;
    public static String Schema_format;
    public static String Schema_format_fix;
    public static String Schema_kindSection;
    public static String Schema_kindSection_fix;
    public static String Schema_other;
    public static String Schema_other_fix;

    public static String Check_missingLanguage;
    public static String Check_missingLanguage_fix;
    public static String Check_futureDate;
    public static String Check_futureDate_fix;
    public static String Check_badDate;
    public static String Check_badDate_fix;
    public static String Check_missingAffordance;
    public static String Check_missingAffordance_fix;
    public static String Check_missingFeature;
    public static String Check_missingFeature_fix;
    public static String Check_missingNeed;
    public static String Check_missingNeed_fix;
    public static String Check_missingStep;
    public static String Check_missingStep_fix;
    public static String Check_resourceTraversal;
    public static String Check_resourceTraversal_fix;
    public static String Check_resourceMissing;
    public static String Check_resourceMissing_fix;
    public static String Check_duplicateInList;
    public static String Check_duplicateInList_fix;
    public static String Check_bundleVersion;
    public static String Check_bundleVersion_fix;

    public static String Catalog_duplicatePlatform;
    public static String Catalog_duplicatePlatform_fix;
    public static String Catalog_brokenUpdate;
    public static String Catalog_brokenUpdate_fix;

    public static String Build_link;
    public static String Build_link_fix;
    public static String Check_placeholder;
    public static String Check_placeholder_fix;
    public static String Install_notABundle;
    public static String Install_notABundle_fix;
    public static String Install_badSymbolicName;
    public static String Install_badSymbolicName_fix;
    public static String Install_shipped;
    public static String Install_otherPublisher;
    public static String Install_otherPublisher_fix;
    public static String Install_unknown;

    public static String Catalog_unknownPolicyPlatform;
    public static String Catalog_unknownPolicyPlatform_fix;

    public static String DataOnly_header;
    public static String DataOnly_header_fix;
    public static String DataOnly_reasonActivator;
    public static String DataOnly_reasonFragment;
    public static String DataOnly_reasonComponent;
    public static String DataOnly_reasonImport;
    public static String DataOnly_reasonNative;
    public static String DataOnly_reasonClassPath;
    public static String DataOnly_reasonOther;
    public static String DataOnly_headerValue;
    public static String DataOnly_headerValue_fix;
    public static String DataOnly_noManifest;
    public static String DataOnly_badManifest;
    public static String DataOnly_symbolicName;
    public static String DataOnly_classFile;
    public static String DataOnly_nativeCode;
    public static String DataOnly_archiveWithCode;
    public static String DataOnly_archive;
    public static String DataOnly_disguised;
    public static String DataOnly_contentClass;
    public static String DataOnly_contentNative;
    public static String DataOnly_metaInf;
    public static String DataOnly_reserved;
    public static String DataOnly_badName;
    public static String DataOnly_duplicate;
    public static String DataOnly_type;
    public static String DataOnly_entry_fix;
    public static String DataOnly_type_fix;

    public static String Guide_tooLarge;
    public static String Guide_tooLarge_fix;
    public static String Guide_syntax;
    public static String Guide_syntax_fix;
    public static String Guide_noTopics;
    public static String Guide_noTopics_fix;
    public static String Guide_format;
    public static String Guide_format_fix;
    public static String Guide_sourceNoTitle;
    public static String Guide_sourceNoTitle_fix;
    public static String Guide_unknownTopic;
    public static String Guide_unknownTopic_fix;
    public static String Guide_duplicate;
    public static String Guide_duplicate_fix;
    public static String Guide_noTitle;
    public static String Guide_noTitle_fix;
    public static String Guide_badId;
    public static String Guide_badId_fix;
    public static String Guide_noText;
    public static String Guide_noText_fix;
    public static String Guide_unknownSource;
    public static String Guide_unknownSource_fix;
    public static String Guide_noSource;
    public static String Guide_noSource_fix;
    public static String Guide_unknownTerm;
    public static String Guide_unknownTerm_fix;
    public static String Guide_missingTerm;
    public static String Guide_missingTerm_fix;
    public static String Guide_oneLanguage;
    public static String Guide_oneLanguage_fix;
    public static String Guide_missing;
    public static String Guide_missing_fix;

    public static String Check_scaleRule;
    public static String Check_scaleRule_fix;
    public static String Check_unreliableSource;
    public static String Check_unreliableSource_fix;

    public static String YouthView_noPlugin;
    public static String YouthView_notOrganisation;

    public static String Check_missingProfessionalUse;
    public static String Check_missingProfessionalUse_fix;

    public static String Term_affordance;
    public static String Term_need;
    public static String Term_step;
    public static String Term_feature;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
