package org.referrals.api.common;

/** Size limits and identifier formats shared by validation annotations (DESIGN section 4). */
public final class Limits {
    /** Names, labels and short texts. */
    public static final int NAME_MAX = 200;
    /** Notes, reasons, justifications. */
    public static final int NOTE_MAX = 4000;
    /** Region names, language codes and other list entries. */
    public static final int LIST_MAX = 100;
    public static final String PARTNER_ID_PATTERN = "[a-z0-9-]{3,40}";
    public static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    /** ISO 3166-1 alpha-2, upper case. */
    public static final String COUNTRY_PATTERN = "[A-Z]{2}";
    /** ISO 639-1, lower case. */
    public static final String LANGUAGE_PATTERN = "[a-z]{2}";

    private Limits() {
    }
}
