package org.referrals.query.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.referrals.query.common.Figures;

/**
 * Statistical disclosure control. A count below 5 is only ever shown as {@code "<5"} (primary suppression). And since
 * a column's total can be learnt elsewhere (the same period grouped another way), a column that would let the
 * hidden counts be worked out from it hides more ({@code "x"}: hidden, value not told; complementary suppression):
 * a column never hides exactly one count, and hidden counts whose sum only one assignment gives (all 0, or all 4)
 * are joined by the smallest shown count, or, where none is shown, one of them is told as {@code "x"} instead of
 * {@code "<5"}. A count hidden as {@code "x"} has no bound the reader knows, so the small ones cannot be told from
 * the total.
 */
public final class SmallCellSuppression {

    public static final int THRESHOLD = Figures.DISCLOSURE_THRESHOLD;
    public static final String SUPPRESSED = "<" + THRESHOLD;
    public static final String COMPLEMENTARY = "x";

    private SmallCellSuppression() {
    }

    public static Object cell(long count) {
        return count < THRESHOLD ? SUPPRESSED : (Object) count;
    }

    /**
     * The cells of a table of counts, each column suppressed on its own: {@code [column][row]} of rows of
     * {@code width} counts each.
     */
    public static Object[][] columns(List<long[]> rows, int width) {
        Object[][] columns = new Object[width][];
        for (int column = 0; column < width; column++) {
            int c = column;
            columns[column] = column(rows.stream().mapToLong(row -> row[c]).toArray());
        }
        return columns;
    }

    /** The cells of one column, in the order of its counts. */
    public static Object[] column(long[] counts) {
        Object[] cells = Arrays.stream(counts).mapToObj(SmallCellSuppression::cell).toArray();
        long hidden = Arrays.stream(counts).filter(count -> count < THRESHOLD).count();
        long hiddenSum = Arrays.stream(counts).filter(count -> count < THRESHOLD).sum();
        boolean telling = hidden == 1 || hidden > 1 && (hiddenSum == 0 || hiddenSum == (THRESHOLD - 1) * hidden);
        if (telling) {
            int hide = IntStream.range(0, counts.length).filter(i -> counts[i] >= THRESHOLD).boxed()
                                .min(Comparator.comparingLong(i -> counts[i]))
                                .orElseGet(() -> IntStream.range(0, counts.length).filter(i -> counts[i] < THRESHOLD)
                                                          .findFirst().orElseThrow());
            cells[hide] = COMPLEMENTARY;
        }
        return cells;
    }
}
