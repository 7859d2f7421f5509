package io.weir.api.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.types.TestTypes.Color;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {

    /** A tuple subclass that fixes its field types. */
    public static class WordCount extends Tuple2<String, Integer> {
        public WordCount() {
        }
    }

    @Test
    void basicTypesAndPrimitivesMapToTheirBoxes() {
        assertEquals(Types.STRING, TypeInformation.of(String.class));
        assertEquals(Types.INT, TypeInformation.of(int.class));
        assertEquals(Types.INT, TypeInformation.of(Integer.class));
        assertEquals(Types.BIG_DEC, TypeInformation.of(BigDecimal.class));
        assertEquals(Types.INSTANT, TypeInformation.of(Instant.class));
        assertTrue(Types.LONG.isBasicType());
        assertTrue(Types.LONG.isKeyType());
    }

    @Test
    void arraysAreNotKeys() {
        TypeInformation<int[]> ints = TypeInformation.of(int[].class);
        assertInstanceOf(PrimitiveArrayTypeInfo.class, ints);
        assertEquals(Types.PRIMITIVE_ARRAY(Types.INT), ints);
        assertFalse(ints.isKeyType());
        TypeInformation<String[]> strings = TypeInformation.of(String[].class);
        assertEquals(Types.OBJECT_ARRAY(Types.STRING), strings);
        assertFalse(strings.isKeyType());
    }

    @Test
    void tuplesNeedTheirTypeArguments() {
        TypeInformation<Tuple2<String, Integer>> type = new TypeHint<Tuple2<String, Integer>>() {}.getTypeInfo();
        assertEquals(Types.TUPLE(Types.STRING, Types.INT), type);
        assertTrue(type.isTupleType());
        assertEquals("Tuple2<String, Integer>", type.toString());

        TypeInformation<?> raw = TypeInformation.of(Tuple2.class);
        assertInstanceOf(MissingTypeInfo.class, raw);
        InvalidTypesException e = assertThrows(InvalidTypesException.class, () -> raw.createSerializer(
                new SerializerConfig()));
        assertTrue(e.getMessage().contains("io.weir.api.tuple.Tuple2 is used without the types of its fields"),
                e.getMessage());
        assertTrue(e.getMessage().contains("new TypeHint<Tuple2<String, Integer>>(){}"), e.getMessage());
    }

    @Test
    void tupleSubclassesTakeTheirTypesFromTheirSuperclass() {
        TypeInformation<WordCount> type = Types.TUPLE(WordCount.class);
        assertEquals(new TupleTypeInfo<>(WordCount.class, Types.STRING, Types.INT), type);
        assertEquals(WordCount.class, type.getTypeClass());
        WordCount value = new WordCount();
        value.setFields("w", 3);
        WordCount read = SerializerAssertions.assertRoundTrip(type.createSerializer(new SerializerConfig()), value);
        assertEquals(WordCount.class, read.getClass());
    }

    @Test
    void rowClassAloneIsMissingWithAdvice() {
        TypeInformation<Row> row = TypeInformation.of(Row.class);
        assertInstanceOf(MissingTypeInfo.class, row);
        InvalidTypesException e = ((MissingTypeInfo<Row>) row).toException();
        assertTrue(e.getMessage().contains("returns(Types.ROW(Types.STRING, Types.INT))"), e.getMessage());
    }

    @Test
    void pojosFollowingTheRulesArePojos() {
        PojoTypeInfo<TestTypes.Person> person = (PojoTypeInfo<TestTypes.Person>) TypeInformation.of(
                TestTypes.Person.class);
        assertArrayEquals(new String[] {"age", "name", "score", "tags"}, person.getFieldNames());
        assertEquals(1, person.getFieldIndex("name"));
        assertEquals(-1, person.getFieldIndex("nope"));
        assertEquals(Types.INT, person.getTypeAt(0));
        assertEquals(Types.LIST(Types.STRING), person.getTypeAt("tags"));
        assertEquals(4, person.getArity());
        assertTrue(person.isKeyType(), "overrides hashCode, all fields are keys");

        PojoTypeInfo<TestTypes.Account> account = (PojoTypeInfo<TestTypes.Account>) TypeInformation.of(
                TestTypes.Account.class);
        assertArrayEquals(new String[] {"active", "address", "color", "id"}, account.getFieldNames());
        assertEquals(Types.ENUM(Color.class), account.getTypeAt("color"));
        assertInstanceOf(PojoTypeInfo.class, account.getTypeAt("address"));
        assertFalse(account.isKeyType(), "the Address field does not override hashCode");
        assertFalse(account.getTypeAt("address").isKeyType());
    }

    @Test
    void subclassPojosIncludeInheritedFields() {
        PojoTypeInfo<?> employee = (PojoTypeInfo<?>) TypeInformation.of(TestTypes.Employee.class);
        assertArrayEquals(new String[] {"age", "company", "name", "score", "tags"}, employee.getFieldNames());
    }

    @Test
    void classesBreakingPojoRulesAreGeneric() {
        assertInstanceOf(GenericTypeInfo.class, TypeInformation.of(TestTypes.NoDefaultConstructor.class));
        assertInstanceOf(GenericTypeInfo.class, TypeInformation.of(TestTypes.HiddenField.class));
        assertInstanceOf(GenericTypeInfo.class, TypeInformation.of(Object.class));
        assertInstanceOf(GenericTypeInfo.class, TypeInformation.of(CharSequence.class));
        assertInstanceOf(GenericTypeInfo.class, TypeInformation.of(java.util.UUID.class));
        InvalidTypesException e = assertThrows(InvalidTypesException.class,
                () -> Types.POJO(TestTypes.HiddenField.class));
        assertTrue(e.getMessage().contains("field 'secret' is neither public nor has a public getter and setter"),
                e.getMessage());
    }

    @Test
    void genericTypesAreKeysOnlyIfTheyOverrideHashCode() {
        assertTrue(TypeInformation.of(TestTypes.NoDefaultConstructor.class).isKeyType());
        assertFalse(TypeInformation.of(Object.class).isKeyType());
    }

    @Test
    void recursivePojosEndInAGenericField() {
        PojoTypeInfo<?> node = (PojoTypeInfo<?>) TypeInformation.of(TestTypes.Node.class);
        assertEquals(new GenericTypeInfo<>(TestTypes.Node.class), node.getTypeAt("next"));
    }

    @Test
    void genericPojosResolveTheirFieldTypesFromTheTypeArguments() {
        PojoTypeInfo<?> wrapper = (PojoTypeInfo<?>) new TypeHint<TestTypes.Wrapper<Long>>() {}.getTypeInfo();
        assertEquals(Types.LONG, wrapper.getTypeAt("value"));
        assertEquals(Types.LIST(Types.LONG), wrapper.getTypeAt("more"));
        PojoTypeInfo<?> raw = (PojoTypeInfo<?>) TypeInformation.of(TestTypes.Wrapper.class);
        assertEquals(new GenericTypeInfo<>(Object.class), raw.getTypeAt("value"));
    }

    @Test
    void recordsKeepComponentOrder() {
        RecordTypeInfo<?> labeled = (RecordTypeInfo<?>) TypeInformation.of(TestTypes.Labeled.class);
        assertArrayEquals(new String[] {"label", "weight", "point", "color", "notes"}, labeled.getFieldNames());
        assertEquals(Types.RECORD(TestTypes.Point.class), labeled.getTypeAt("point"));
        assertEquals(Types.INT, labeled.getTypeAt(1));
        assertTrue(labeled.isKeyType());
        RecordTypeInfo<?> pair = (RecordTypeInfo<?>) new TypeHint<TestTypes.Pair<String, List<Integer>>>() {}
                .getTypeInfo();
        assertEquals(Types.LIST(Types.INT), pair.getTypeAt("second"));
    }

    private record PrivateRecord(String value) {
    }

    @Test
    void nonPublicRecordsAreRecordsToo() {
        assertInstanceOf(RecordTypeInfo.class, TypeInformation.of(PrivateRecord.class));
    }

    @Test
    void collectionsNeedTheirTypeArguments() {
        assertEquals(Types.LIST(Types.STRING), new TypeHint<List<String>>() {}.getTypeInfo());
        assertEquals(Types.MAP(Types.STRING, Types.LIST(Types.LONG)),
                new TypeHint<Map<String, List<Long>>>() {}.getTypeInfo());
        assertEquals(Types.OPTIONAL(Types.INT), new TypeHint<Optional<Integer>>() {}.getTypeInfo());
        assertEquals(new GenericTypeInfo<>(List.class), TypeInformation.of(List.class));
        assertFalse(Types.MAP(Types.STRING, Types.INT).isKeyType());
        assertTrue(Types.LIST(Types.STRING).isKeyType());
    }

    @Test
    void rowsInsideOtherTypesMakeThemMissing() {
        InvalidTypesException e = assertThrows(InvalidTypesException.class, () -> new TypeHint<List<Row>>() {});
        assertTrue(e.getMessage().contains("Types.ROW"), e.getMessage());
    }

    @Test
    void typeHintsWithTypeVariablesFail() {
        assertThrows(InvalidTypesException.class, TypeExtractorTest::hintFor);
    }

    private static <T> TypeInformation<List<T>> hintFor() {
        return new TypeHint<List<T>>() {}.getTypeInfo();
    }

    @Test
    void valuesRevealTheFieldTypesOfTuplesAndRows() {
        assertEquals(Types.TUPLE(Types.STRING, Types.INT, Types.LIST(Types.STRING)).getTypeClass(),
                TypeExtractor.getForObject(Tuple3.of("a", 1, List.of("x"))).getTypeClass());
        assertEquals(Types.TUPLE(Types.STRING, Types.INT), TypeExtractor.getForObject(Tuple2.of("a", 1)));
        assertEquals(Types.ROW(Types.STRING, Types.LONG), TypeExtractor.getForObject(Row.of("a", 1L)));
        assertThrows(InvalidTypesException.class, () -> TypeExtractor.getForObject(Tuple2.of("a", null)));
        assertEquals(Types.STRING, TypeExtractor.getForObject("s"));
    }

    @Test
    void explicitPojoFieldsCanBeGiven() {
        TypeInformation<TestTypes.Wrapper> type = Types.POJO(TestTypes.Wrapper.class,
                Map.of("value", Types.STRING));
        assertArrayEquals(new String[] {"value"}, ((PojoTypeInfo<?>) type).getFieldNames());
        InvalidFieldReferenceException e = assertThrows(InvalidFieldReferenceException.class,
                () -> Types.POJO(TestTypes.Wrapper.class, Map.of("valeu", Types.STRING)));
        assertTrue(e.getMessage().contains("Available fields: [value, more]"), e.getMessage());
    }

    @Test
    void typeInformationSurvivesJavaSerialization() {
        for (TypeInformation<?> type : List.of(Types.STRING, TypeInformation.of(TestTypes.Account.class),
                TypeInformation.of(TestTypes.Labeled.class), Types.ROW(Types.INT), TypeInformation.of(int[].class),
                Types.TUPLE(Types.STRING, Types.OPTIONAL(Types.INT)))) {
            assertEquals(type, SerializerAssertions.javaRoundTrip(type));
        }
        assertTrue(Types.STRING == SerializerAssertions.javaRoundTrip(Types.STRING), "basic types stay canonical");
    }

    /** Public final fields and a no-arg constructor: a POJO to Flink, so to Weir (flink-benchmarks' window record). */
    public static final class FinalFields {
        public final int key;
        public final long value;

        public FinalFields() {
            this(0, 0);
        }

        public FinalFields(int key, long value) {
            this.key = key;
            this.value = value;
        }
    }

    @Test
    void publicFinalFieldsMakeAPojoThatRoundTrips() throws Exception {
        TypeInformation<FinalFields> type = TypeInformation.of(FinalFields.class);
        assertInstanceOf(PojoTypeInfo.class, type, "public final fields are POJO fields, as in Flink");
        TypeSerializer<FinalFields> serializer = type.createSerializer(new SerializerConfig());
        DataOutputSerializer out = new DataOutputSerializer(32);
        serializer.serialize(new FinalFields(7, 1L << 40), out);
        FinalFields read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(7, read.key);
        assertEquals(1L << 40, read.value);
        FinalFields copy = serializer.copy(new FinalFields(3, 4));
        assertEquals(3, copy.key);
        assertEquals(4, copy.value);
    }
}
