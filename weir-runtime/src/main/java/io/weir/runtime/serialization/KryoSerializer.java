package io.weir.runtime.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSchemaCompatibility;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Objects;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Serializes any class with Kryo: the generic fallback. Each value is written as its int length
 * followed by Kryo's bytes for the class and the object, so reading never consumes bytes of the next
 * record. Kryo is set up without required registration and without reference tracking (a value
 * that appears twice is written twice); classes without a no-arg constructor are created without
 * running a constructor. The serializer's own type is registered first (when it is a concrete
 * class), so a value of exactly that type carries a small id instead of its class name; then the
 * config's Kryo types, in order, so all tasks must use the same config. Data written before the type
 * was registered (by name) still reads.
 *
 * <p>Threading: holds a {@link Kryo} instance and buffers, created on first use, so an instance
 * serves one thread; {@link #duplicate()} gives an independent one.
 */
public final class KryoSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;
    private static final int INITIAL_BUFFER = 256;

    private final Class<T> type;
    private final SerializerConfig config;
    private transient Kryo kryo;
    private transient Output output;
    private transient Input input;
    private transient byte[] readBuffer;

    public KryoSerializer(Class<T> type, SerializerConfig config) {
        this.type = Objects.requireNonNull(type, "type");
        this.config = Objects.requireNonNull(config, "serializer config");
    }

    public Class<T> getType() {
        return type;
    }

    private Kryo kryo() {
        if (kryo == null) {
            kryo = newKryo();
            output = new Output(INITIAL_BUFFER, -1);
            input = new Input();
            readBuffer = new byte[INITIAL_BUFFER];
        }
        return kryo;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Kryo newKryo() {
        Kryo k = new Kryo();
        k.setRegistrationRequired(false);
        k.setReferences(false);
        k.setClassLoader(type.getClassLoader() != null ? type.getClassLoader() : KryoSerializer.class.getClassLoader());
        k.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        for (Map.Entry<Class<?>, Class<?>> entry : config.getDefaultKryoSerializers().entrySet()) {
            if (!Serializer.class.isAssignableFrom(entry.getValue())) {
                throw new IllegalArgumentException("The default serializer " + entry.getValue().getName() + " for "
                        + entry.getKey().getName() + " is not a subclass of " + Serializer.class.getName());
            }
            k.addDefaultSerializer(entry.getKey(), (Class<? extends Serializer>) entry.getValue());
        }
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && type != Object.class) {
            k.register(type); // its id depends on nothing but Kryo's defaults: a restored serializer agrees
        }
        for (Class<?> registered : config.getRegisteredKryoTypes()) {
            k.register(registered);
        }
        return k;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new KryoSerializer<>(type, config);
    }

    /** A new instance made by Kryo's instantiator, or null for interfaces and abstract classes. */
    @Override
    public T createInstance() {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return null;
        }
        try {
            return kryo().newInstance(type);
        } catch (KryoException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        Kryo k = kryo();
        try {
            return k.copy(from);
        } catch (KryoException e) {
            // Some serializers cannot copy; a round trip through bytes always works.
            output.reset();
            k.writeClassAndObject(output, from);
            input.setBuffer(output.getBuffer(), 0, output.position());
            return (T) k.readClassAndObject(input);
        }
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        Kryo k = kryo();
        output.reset();
        try {
            k.writeClassAndObject(output, record);
        } catch (KryoException e) {
            throw new IOException("Kryo could not serialize a value of " + type.getName() + ": " + e.getMessage(), e);
        }
        int length = output.position();
        target.writeInt(length);
        target.write(output.getBuffer(), 0, length);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView source) throws IOException {
        Kryo k = kryo();
        int length = source.readInt();
        if (length < 0) {
            throw new IOException("Corrupt data: negative length " + length + " for a Kryo value of " + type.getName());
        }
        if (readBuffer.length < length) {
            readBuffer = new byte[Math.max(length, 2 * readBuffer.length)];
        }
        source.readFully(readBuffer, 0, length);
        input.setBuffer(readBuffer, 0, length);
        try {
            return (T) k.readClassAndObject(input);
        } catch (KryoException e) {
            throw new IOException("Kryo could not deserialize a value of " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(type);
    }

    /**
     * The serialized class's name. Kryo's bytes depend on the class's fields and on the registered
     * Kryo types, which the snapshot does not record: data of the same class is taken as compatible
     * as is (as Flink does), and a serializer restored from the snapshot uses the default config.
     * State whose schema will change should have a POJO or record type instead.
     */
    public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
        private Class<T> type;

        public Snapshot() {}

        Snapshot(Class<T> type) {
            this.type = type;
        }

        @Override
        public int getCurrentVersion() {
            return 1;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(type.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
            type = (Class<T>) TypeSerializerSnapshot.loadClass(in.readUTF(), userCodeClassLoader);
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            return new KryoSerializer<>(type, new SerializerConfig());
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot) {
            return oldSerializerSnapshot instanceof Snapshot<T> old && old.type.getName().equals(type.getName())
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs() : TypeSerializerSchemaCompatibility.incompatible();
        }

        @Override
        public String toString() {
            return "Kryo " + type.getName();
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof KryoSerializer<?> other && other.type == type && other.config.equals(config);
    }

    @Override
    public int hashCode() {
        return 31 * type.getName().hashCode() + config.hashCode();
    }

    @Override
    public String toString() {
        return "KryoSerializer<" + type.getName() + ">";
    }
}
