package org.referrals.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.referrals.api.common.MetaDataKeys;
import org.referrals.api.idempotency.IdempotentRequestCompleted;
import org.referrals.api.common.Sha256;

/**
 * Idempotency decided from the event store: a command carrying an idempotency key and request hash (put there by
 * the API from the {@code Idempotency-Key} header) is answered from its {@link IdempotencyRecord} when one exists,
 * without running again; otherwise it runs and the record is created in the same unit of work, so the result and
 * the record commit together or not at all. Keys are kept as long as the event store (well beyond 24 hours).
 */
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Repository<IdempotencyRecord> records;
    private final Serializer serializer;

    public IdempotencyInterceptor(Repository<IdempotencyRecord> records, Serializer serializer) {
        this.records = records;
        this.serializer = serializer;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        var metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(MetaDataKeys.IDEMPOTENCY_KEY);
        Object requestHash = metaData.get(MetaDataKeys.REQUEST_HASH);
        if (key == null || requestHash == null) {
            return interceptorChain.proceed();
        }
        String recordId = recordId(String.valueOf(metaData.get(MetaDataKeys.USER_ID)), key.toString());
        Optional<Aggregate<IdempotencyRecord>> earlier = find(recordId);
        if (earlier.isPresent()) {
            var stored = earlier.get().invoke(record -> record.replayFor(requestHash.toString()));
            return serializer.deserialize(new SimpleSerializedObject<>(stored.json(), String.class,
                                                                       new SimpleSerializedType(stored.type(), null)));
        }
        Object result = interceptorChain.proceed();
        SerializedObject<String> serialized = serializer.serialize(result, String.class);
        records.newInstance(() -> new IdempotencyRecord(new IdempotentRequestCompleted(
                recordId, requestHash.toString(), serialized.getType().getName(), serialized.getData())));
        return result;
    }

    private Optional<Aggregate<IdempotencyRecord>> find(String recordId) {
        try {
            return Optional.of(records.load(recordId));
        } catch (AggregateNotFoundException firstTime) {
            return Optional.empty();
        }
    }

    /** One record per caller and key; hashed so the record id reveals neither. */
    static String recordId(String userId, String key) {
        return "idem-" + HexFormat.of().formatHex(Sha256.of((userId + "\n" + key).getBytes(StandardCharsets.UTF_8)));
    }
}
