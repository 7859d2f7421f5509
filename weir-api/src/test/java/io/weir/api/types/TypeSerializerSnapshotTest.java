package io.weir.api.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.types.serializers.EnumSerializer;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in serializer's snapshot survives being written and read back, restores a serializer
 * equal to the one snapshotted, and finds it compatible as is; different types are incompatible;
 * enums evolve by constant name. (POJOs and records of two class versions are tested with the state
 * backends: {@code StateSchemaEvolutionTestSuite}.)
 */
class TypeSerializerSnapshotTest {
    private static final SerializerConfig CONFIG = new SerializerConfig();

    static Stream<TypeInformation<?>> builtInTypes() {
        return Stream.of(Types.STRING, Types.BOOLEAN, Types.BYTE, Types.SHORT, Types.INT, Types.LONG, Types.FLOAT,
                Types.DOUBLE, Types.CHAR, Types.BIG_DEC, Types.BIG_INT, Types.VOID, Types.INSTANT, Types.DURATION,
                Types.LOCAL_DATE, Types.LOCAL_TIME, Types.LOCAL_DATE_TIME, Types.SQL_DATE, Types.SQL_TIME,
                Types.SQL_TIMESTAMP, Types.PRIMITIVE_ARRAY(Types.INT), Types.PRIMITIVE_ARRAY(Types.BYTE),
                Types.PRIMITIVE_ARRAY(Types.DOUBLE), Types.OBJECT_ARRAY(Types.STRING), Types.LIST(Types.LONG),
                Types.MAP(Types.STRING, Types.LIST(Types.INT)), Types.OPTIONAL(Types.STRING),
                Types.TUPLE(Types.STRING, Types.LONG), Types.ROW_NAMED(new String[] {"a", "b"}, Types.INT, Types.STRING),
                Types.ENUM(TestTypes.Color.class), Types.POJO(TestTypes.Person.class),
                Types.POJO(TestTypes.Account.class), Types.RECORD(TestTypes.Labeled.class));
    }

    @ParameterizedTest
    @MethodSource("builtInTypes")
    void aSnapshotRestoresAnEqualSerializerThatIsCompatibleAsIs(TypeInformation<?> type) throws IOException {
        TypeSerializer<?> serializer = type.createSerializer(CONFIG);
        TypeSerializerSnapshot<?> read = roundTrip(serializer.snapshotConfiguration());
        assertEquals(serializer, read.restoreSerializer(), type.toString());
        assertTrue(TypeSerializerSnapshot.resolveCompatibility(serializer.snapshotConfiguration(), read)
                .isCompatibleAsIs(), type.toString());
    }

    @Test
    void differentTypesAreIncompatibleAlsoWhenNested() throws IOException {
        assertIncompatible(Types.INT, Types.LONG);
        assertIncompatible(Types.LIST(Types.INT), Types.LIST(Types.LONG));
        assertIncompatible(Types.MAP(Types.STRING, Types.INT), Types.MAP(Types.STRING, Types.STRING));
        assertIncompatible(Types.TUPLE(Types.STRING, Types.INT), Types.TUPLE(Types.STRING, Types.INT, Types.INT));
        assertIncompatible(Types.POJO(TestTypes.Person.class), Types.POJO(TestTypes.Address.class));
        assertIncompatible(Types.STRING, Types.LIST(Types.STRING));
    }

    private static void assertIncompatible(TypeInformation<?> before, TypeInformation<?> after) throws IOException {
        TypeSerializerSnapshot<?> old = roundTrip(before.createSerializer(CONFIG).snapshotConfiguration());
        assertTrue(TypeSerializerSnapshot.resolveCompatibility(after.createSerializer(CONFIG).snapshotConfiguration(),
                old).isIncompatible(), before + " -> " + after);
    }

    @Test
    void enumConstantsReorderedAreReadByNameAfterMigration() throws IOException {
        // written when the enum was declared BLUE, RED, GREEN: BLUE was ordinal 0, GREEN ordinal 2
        TypeSerializerSnapshot<TestTypes.Color> old = enumSnapshot("BLUE", "RED", "GREEN");
        EnumSerializer<TestTypes.Color> now = new EnumSerializer<>(TestTypes.Color.class);
        TypeSerializerSchemaCompatibility<TestTypes.Color> compatibility =
                now.snapshotConfiguration().resolveSchemaCompatibility(old);
        assertTrue(compatibility.isCompatibleAfterMigration(), compatibility.toString());
        TypeSerializer<TestTypes.Color> reader = old.restoreSerializer();
        assertEquals(TestTypes.Color.BLUE, reader.deserialize(new DataInputDeserializer(new byte[] {0, 0, 0, 0})));
        assertEquals(TestTypes.Color.GREEN, reader.deserialize(new DataInputDeserializer(new byte[] {0, 0, 0, 2})));
    }

    @Test
    void enumConstantsAddedAtTheEndAreCompatibleAsIsAndARemovedOneIsIncompatible() throws IOException {
        EnumSerializer<TestTypes.Color> now = new EnumSerializer<>(TestTypes.Color.class);
        assertTrue(now.snapshotConfiguration().resolveSchemaCompatibility(enumSnapshot("RED", "GREEN"))
                .isCompatibleAsIs());
        assertTrue(now.snapshotConfiguration().resolveSchemaCompatibility(enumSnapshot("RED", "GREEN", "BLUE", "PINK"))
                .isIncompatible());
    }

    @SuppressWarnings("unchecked")
    private static TypeSerializerSnapshot<TestTypes.Color> enumSnapshot(String... names) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF(EnumSerializer.Snapshot.class.getName());
        out.writeInt(1);
        out.writeUTF(TestTypes.Color.class.getName());
        out.writeInt(names.length);
        for (String name : List.of(names)) {
            out.writeUTF(name);
        }
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                TypeSerializerSnapshotTest.class.getClassLoader());
    }

    @Test
    void aSnapshotOfAClassThatIsNotOnTheClassPathFailsNamingTheClass() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, Types.POJO(TestTypes.Address.class).createSerializer(CONFIG)
                .snapshotConfiguration());
        ClassLoader withoutTestClasses = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.startsWith("io.weir.api.types.TestTypes")) {
                    throw new ClassNotFoundException(name);
                }
                return TypeSerializerSnapshotTest.class.getClassLoader().loadClass(name);
            }
        };
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                        withoutTestClasses));
        assertTrue(e.getMessage().contains("io.weir.api.types.TestTypes$Address")
                && e.getCause() instanceof ClassNotFoundException, e.getMessage());
    }

    private static TypeSerializerSnapshot<?> roundTrip(TypeSerializerSnapshot<?> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                TypeSerializerSnapshotTest.class.getClassLoader());
    }
}
