package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.PojoField;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.StringEncoding;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serializes POJOs: a header byte (the exact class, null, or a subclass), then the fields in the
 * order of their names, in groups of eight each led by a byte whose bit {@code i} marks field
 * {@code i} of the group as null.
 *
 * <p>A value of a subclass is written with its class name and the serializer for that subclass
 * (its own POJO serializer if it is a POJO, else the generic one), which is slower; a warning is
 * logged once per subclass.
 *
 * <p>A serializer restored from a {@link PojoSerializerSnapshot} reads the fields the POJO had when
 * the data was written: a field the class no longer has is given as a {@code null} {@link PojoField},
 * read and dropped (and written as null).
 *
 * <p>Fields are read and written through a {@link PojoFieldAccess} per field: a class generated for
 * the POJO ({@code FieldAccessClassWriter}), which also calls the no-arg constructor, or reflection
 * where none can be generated. The bytes are the same either way.
 *
 * <p>Threading: keeps a cache of subclass serializers, so {@link #duplicate()} always returns a
 * new instance.
 */
public final class PojoSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(PojoSerializer.class.getName());
    private static final ClassValue<AtomicBoolean> WARNED = new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
            return new AtomicBoolean();
        }
    };
    private static final byte EXACT_CLASS = 0;
    private static final byte NULL = 1;
    private static final byte SUBCLASS = 2;

    private final Class<T> pojoClass;
    private final PojoField[] fields;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final SerializerConfig config;
    private transient MethodHandle constructor;
    /** Per field: how to read and write it (generated code where possible); {@code null} for a missing field. */
    private transient PojoFieldAccess[] access;
    /** The generated access of this class, which also calls its constructor; {@code null} if none. */
    private transient PojoFieldAccess instantiator;
    /**
     * Per field: the codec of a primitive field with its standard serializer (such a field is never
     * null and is read and written without boxing), else {@code null}.
     */
    private transient PrimitiveFieldCodec[] primitives;
    private transient Map<Class<?>, TypeSerializer<Object>> subclassSerializers;
    private transient Map<String, Class<?>> subclassesByName;

    @SuppressWarnings("unchecked")
    public PojoSerializer(Class<T> pojoClass, PojoField[] fields, TypeSerializer<?>[] fieldSerializers,
            SerializerConfig config) {
        if (fields.length != fieldSerializers.length) {
            throw new IllegalArgumentException(fields.length + " fields, " + fieldSerializers.length + " serializers");
        }
        this.pojoClass = pojoClass;
        this.fields = fields.clone();
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.config = config;
        init();
    }

    Class<T> pojoClass() {
        return pojoClass;
    }

    /** The fields in the order they are written; {@code null} for a field that no longer exists. */
    PojoField[] fields() {
        return fields.clone();
    }

    TypeSerializer<?>[] fieldSerializers() {
        return fieldSerializers.clone();
    }

    SerializerConfig config() {
        return config;
    }

    private void init() {
        try {
            Constructor<T> noArgs = pojoClass.getConstructor();
            noArgs.setAccessible(true); // the class may be nested in a non-public class
            constructor = MethodHandles.lookup().unreflectConstructor(noArgs)
                    .asType(MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(pojoClass.getName() + " needs a public no-arg constructor", e);
        }
        subclassSerializers = new HashMap<>();
        subclassesByName = new HashMap<>();
        access = FieldAccessClassWriter.accessPerField(pojoClass, fields);
        instantiator = null;
        for (PojoFieldAccess fieldAccess : access) {
            if (fieldAccess != null && !(fieldAccess instanceof ReflectiveFieldAccess)) {
                instantiator = fieldAccess;
            }
        }
        primitives = new PrimitiveFieldCodec[fields.length];
        PojoFieldAccess boxing = new ReflectiveFieldAccess(fields);
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) {
                continue;
            }
            Class<?> type = fields[i].getField().getType();
            primitives[i] = PrimitiveFieldCodec.of(type, fieldSerializers[i], access[i], i);
            if (type.isPrimitive() && primitives[i] == null) {
                access[i] = boxing; // a primitive with a serializer of its own is read and written boxed
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        init();
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<?>[] duplicates = CompositeSerializers.duplicateAll(fieldSerializers);
        return new PojoSerializer<>(pojoClass, fields, duplicates == null ? fieldSerializers : duplicates, config);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        if (instantiator != null) {
            return (T) instantiator.newInstance(); // generated: new pojoClass()
        }
        try {
            return pojoClass.cast((Object) constructor.invokeExact());
        } catch (Throwable e) {
            throw new IllegalStateException("The constructor of " + pojoClass.getName() + " failed: " + e, e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        if (from.getClass() != pojoClass) {
            return (T) subclassSerializer(from.getClass()).copy(from);
        }
        T copy = createInstance();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) {
                continue;
            }
            if (primitives[i] != null) {
                primitives[i].copy(from, copy);
                continue;
            }
            Object value = access[i].get(from, i);
            access[i].set(copy, i, value == null ? null : fieldSerializers[i].copy(value));
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeByte(NULL);
            return;
        }
        Class<?> actualClass = record.getClass();
        if (actualClass != pojoClass) {
            target.writeByte(SUBCLASS);
            StringEncoding.writeString(actualClass.getName(), target);
            subclassSerializer(actualClass).serialize(record, target);
            return;
        }
        target.writeByte(EXACT_CLASS);
        int arity = fields.length;
        for (int group = 0; group < arity; group += 8) {
            int end = Math.min(group + 8, arity);
            int mask = 0;
            for (int i = group; i < end; i++) {
                if (fields[i] == null || (primitives[i] == null && access[i].get(record, i) == null)) {
                    mask |= 1 << (i - group);
                }
            }
            target.writeByte(mask);
            for (int i = group; i < end; i++) {
                if (primitives[i] != null) {
                    primitives[i].write(record, target);
                    continue;
                }
                Object value = fields[i] == null ? null : access[i].get(record, i);
                if (value != null) {
                    fieldSerializers[i].serialize(value, target);
                }
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView source) throws IOException {
        byte header = source.readByte();
        if (header == NULL) {
            return null;
        }
        if (header == SUBCLASS) {
            return (T) subclassSerializer(subclassNamed(StringEncoding.readString(source))).deserialize(source);
        }
        if (header != EXACT_CLASS) {
            throw new IOException("Corrupt data: unknown POJO header " + header + " for " + pojoClass.getName());
        }
        T pojo = createInstance();
        int arity = fields.length;
        for (int group = 0; group < arity; group += 8) {
            int end = Math.min(group + 8, arity);
            int mask = source.readUnsignedByte();
            for (int i = group; i < end; i++) {
                boolean present = (mask & (1 << (i - group))) == 0;
                if (present && primitives[i] != null) {
                    primitives[i].read(pojo, source);
                    continue;
                }
                Object value = present ? fieldSerializers[i].deserialize(source) : null;
                if (fields[i] != null) {
                    access[i].set(pojo, i, value);
                }
            }
        }
        return pojo;
    }

    private Class<?> subclassNamed(String name) throws IOException {
        Class<?> subclass = subclassesByName.get(name);
        if (subclass == null) {
            try {
                subclass = Class.forName(name, false, pojoClass.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException("Cannot load subclass " + name + " of " + pojoClass.getName(), e);
            }
            subclassesByName.put(name, subclass);
        }
        return subclass;
    }

    @SuppressWarnings("unchecked")
    private TypeSerializer<Object> subclassSerializer(Class<?> subclass) {
        TypeSerializer<Object> serializer = subclassSerializers.get(subclass);
        if (serializer == null) {
            if (WARNED.get(subclass).compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "A field or stream of POJO type {0} holds an instance of its "
                        + "subclass {1}, which is serialized with its class name and a separate serializer; that is "
                        + "slower. Declare the type as the subclass where possible.",
                        pojoClass.getName(), subclass.getName());
            }
            serializer = (TypeSerializer<Object>) TypeExtractor.createTypeInfo(subclass).createSerializer(config);
            subclassSerializers.put(subclass, serializer);
        }
        return serializer;
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new PojoSerializerSnapshot<>(this);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PojoSerializer<?> other && other.pojoClass == pojoClass
                && Arrays.equals(other.fields, fields) && Arrays.equals(other.fieldSerializers, fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * pojoClass.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "PojoSerializer<" + pojoClass.getName() + Arrays.toString(fields) + ">";
    }
}
