package org.referrals.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * Documents stored in the embedded server's file as BSON (the server's own wire encoding) instead of by Java
 * serialisation, which took about a third of the CPU of a 1,000,000-event catch-up: every page read back from the
 * file was deserialised through a new {@code ObjectInputStream} per document, and every save serialised the
 * changed ones (BENCHMARKS.md, step 18).
 * <p>
 * Only a document whose every value BSON gives back equal is written so: text, 32- and
 * 64-bit integers, doubles, booleans, null, ObjectIds, instants of whole milliseconds, documents and lists of those.
 * Any other document (a binary token, a decimal, an instant finer than a millisecond) is Java-serialised as before,
 * so nothing changes by being stored. Written under a tag H2's {@code ObjectDataType} does not use; what an older
 * file holds is read as before. A file written this way cannot be opened by a version before it.
 */
final class BsonDocuments {

    /** H2's ObjectDataType uses the tags 0–19, 32–49 and 64–119 ({@link ValueOrderedKeys} 30). */
    static final byte TAG = 31;
    /** Deeper than this goes the old way: BSON has no limit, but a walk must not overflow the stack. */
    private static final int MAX_DEPTH = 64;

    private BsonDocuments() {
    }

    /**
     * Writes the tag and the document, and answers true; answers false, writing nothing, if it is not storable or
     * changed while being read. mongo-java-server changes a stored document in place when it updates it, while
     * H2's background writer may be storing the page that holds it: Java serialisation walks a map's table without
     * noticing, but an iterator throws {@code ConcurrentModificationException}, and any exception here would close
     * the whole store. Such a document is stored the old way; its update stores the page again anyway.
     */
    static boolean write(WriteBuffer buff, Object value) {
        if (!(value instanceof Document document)) {
            return false;
        }
        try {
            // checked first, so a document stored the old way (the token store's binaries) allocates no buffer
            return storable(document, 0) && encode(buff, document);
        } catch (RuntimeException changedOrNotEncodable) {
            return false; // nothing was written to buff yet
        }
    }

    private static boolean encode(WriteBuffer buff, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buff.put(TAG).putVarInt(bson.readableBytes())
                .put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
            return true;
        } finally {
            bson.release();
        }
    }

    /** Whether the value at the buffer's position was written by {@link #write}. */
    static boolean isNext(ByteBuffer buff) {
        return buff.get(buff.position()) == TAG;
    }

    /** Reads a document written by {@link #write}. */
    static Document read(ByteBuffer buff) {
        buff.get();
        byte[] bson = new byte[DataUtils.readVarInt(buff)];
        buff.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    static boolean storable(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
            || value instanceof Double || value instanceof Boolean || value instanceof ObjectId) {
            return true;
        }
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 == 0;
        }
        if (depth >= MAX_DEPTH) {
            return false;
        }
        if (value instanceof Document document) {
            for (Map.Entry<String, Object> field : document.entrySet()) {
                if (field.getKey() == null || field.getKey().indexOf('\0') >= 0 || !storable(field.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (!storable(item, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
