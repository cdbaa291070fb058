package org.referrals.query.common;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A read of the documents whose text {@code _id} lies in [from, before), in {@code _id} order. Given with a sort by
 * {@code _id} and a limit, the embedded MongoDB-wire server reads such a range in order from its {@code _id} index
 * (any other filter but one on {@code _id} reads the whole collection); a real MongoDB uses its {@code _id} index.
 * Ids built as {@code key|...} are all within [{@code key|}, {@code key}}), as '}' follows '|'.
 */
public final class IdRange {

    /** The order to read in, which the range needs. */
    public static final Bson ORDER = new Document("_id", 1);
    /** A limit for "all of the range" (the range read needs one). */
    public static final int ALL = Integer.MAX_VALUE / 2;

    private IdRange() {
    }

    public static Bson of(String from, String before) {
        return new Document("_id", new Document("$gte", from).append("$lt", before));
    }

    /** The ids that start with {@code key|}. */
    public static Bson under(String key) {
        return startingWith(key + "|");
    }

    /**
     * The ids that start with a prefix: from it up to the prefix with its last character raised by one. The prefix
     * must not be empty nor end in U+FFFF, which has no character after it.
     */
    public static Bson startingWith(String prefix) {
        int last = prefix.length() - 1;
        if (last < 0 || prefix.charAt(last) == Character.MAX_VALUE) {
            throw new IllegalArgumentException("no range of ids starts with an empty prefix or one ending in U+FFFF");
        }
        return of(prefix, prefix.substring(0, last) + (char) (prefix.charAt(last) + 1));
    }
}
