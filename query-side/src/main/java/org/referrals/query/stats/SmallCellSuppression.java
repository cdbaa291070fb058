package org.referrals.query.stats;

/** Statistical disclosure control: a count below 5 is only ever shown as "<5". */
public final class SmallCellSuppression {

    public static final int THRESHOLD = 5;
    public static final String SUPPRESSED = "<" + THRESHOLD;

    private SmallCellSuppression() {
    }

    public static Object cell(long count) {
        return count < THRESHOLD ? SUPPRESSED : (Object) count;
    }
}
