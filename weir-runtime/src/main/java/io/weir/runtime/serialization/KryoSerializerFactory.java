package io.weir.runtime.serialization;

import io.weir.api.types.GenericSerializerFactory;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GenericSerializerFactory} of the runtime: serializes the types Weir has no specific
 * serializer for with Kryo ({@link KryoSerializer}). Found through {@link java.util.ServiceLoader}.
 *
 * <p>Logs one warning per type and JVM, because the generic path is several times slower and
 * larger on the wire than the POJO, record and tuple serializers.
 */
public final class KryoSerializerFactory implements GenericSerializerFactory {
    private static final Logger LOG = LoggerFactory.getLogger(KryoSerializerFactory.class);
    private static final ClassValue<AtomicBoolean> WARNED = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
            return new AtomicBoolean();
        }
    };

    @Override
    public <T> TypeSerializer<T> create(Class<T> type, SerializerConfig config) {
        warnOnce(type);
        return new KryoSerializer<>(type, config);
    }

    /** Logs the generic-type warning for {@code type} unless it was logged before; true if it logged now. */
    static boolean warnOnce(Class<?> type) {
        if (!WARNED.get(type).compareAndSet(false, true)) {
            return false;
        }
        LOG.warn("Type {} is serialized with the generic Kryo serializer, which is slower and larger than Weir's own "
                + "serializers. Make it a POJO (public class, public no-arg constructor, fields public or with "
                + "getter and setter) or a Java record, give its type with returns(...), or register a serializer "
                + "with SerializerConfig.addDefaultKryoSerializer.", type.getName());
        return true;
    }
}
