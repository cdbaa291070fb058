package org.referrals.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded server's collection maps: H2's {@link ObjectDataType}, stored exactly as before,
 * but telling H2 how much memory each document really takes.
 * <p>
 * H2 counts the memory of changed, not yet stored pages to decide when to store them, and makes writers store
 * themselves when that count runs ahead of the background writer (its back pressure). For Java-serialised values
 * it counts a running average, sampled over the map's values. A collection of small documents and a few large
 * ones (a busy partner's index entry) was therefore counted at a fraction of its size: pages of several MB were
 * counted as kilobytes, the back pressure never started, and the catch-up of a 1,000,000-event network filled the
 * heap with unsaved pages until H2's writer failed. Here each document is measured (a walk of its fields, far
 * cheaper than the serialisation H2 does at every store), and not sampled.
 * <p>
 * Documents are stored as BSON where that gives them back unchanged ({@link BsonDocuments}).
 */
final class MeasuredDocuments extends ObjectDataType {

    private static final int OBJECT = 16;
    private static final int REFERENCE = 8;
    private static final int MAP_ENTRY = 40;
    /** Deeper than this is counted flat: read models are shallow, and a walk must not overflow the stack. */
    private static final int MAX_DEPTH = 64;

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (!BsonDocuments.write(buff, value)) {
            super.write(buff, value);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        return BsonDocuments.isNext(buff) ? BsonDocuments.read(buff) : super.read(buff);
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? (int) Math.min(Integer.MAX_VALUE, measure(value, 0)) : super.getMemory(value);
    }

    @Override
    public boolean isMemoryEstimationAllowed() {
        return false;
    }

    /** An estimate of the heap a value holds, in bytes, within a few tens of percent. */
    static long measure(Object value, int depth) {
        if (value == null) {
            return 0;
        }
        if (depth > MAX_DEPTH) {
            return OBJECT + REFERENCE;
        }
        if (value instanceof CharSequence text) {
            return OBJECT + 24 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return OBJECT + bytes.length;
        }
        if (value instanceof Map<?, ?> map) {
            long size = OBJECT + 48 + (long) map.size() * (MAP_ENTRY + REFERENCE);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += measure(entry.getKey(), depth + 1) + measure(entry.getValue(), depth + 1);
            }
            return size;
        }
        if (value instanceof Collection<?> items) {
            long size = OBJECT + 24 + (long) items.size() * REFERENCE;
            for (Object item : items) {
                size += measure(item, depth + 1);
            }
            return size;
        }
        return OBJECT + 16;
    }
}
