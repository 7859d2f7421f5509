package io.weir.api.types;

import static io.weir.api.types.SerializerAssertions.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.tuple.Tuple;
import io.weir.api.tuple.Tuple0;
import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import io.weir.api.types.TestTypes.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompositeSerializersTest {
    private static final SerializerConfig CONFIG = new SerializerConfig();

    private static <T> TypeSerializer<T> serializer(TypeInformation<T> type) {
        return type.createSerializer(CONFIG);
    }

    @Test
    void primitiveArraysRoundTripIncludingEmptyAndNull() {
        assertRoundTrip(serializer(TypeInformation.of(byte[].class)), new byte[] {-1, 0, 127});
        assertRoundTrip(serializer(TypeInformation.of(int[].class)), new int[] {Integer.MIN_VALUE, 7});
        assertRoundTrip(serializer(TypeInformation.of(long[].class)), new long[0]);
        assertRoundTrip(serializer(TypeInformation.of(double[].class)), new double[] {Double.NaN, -0.0});
        assertRoundTrip(serializer(TypeInformation.of(float[].class)), new float[] {1.25f});
        assertRoundTrip(serializer(TypeInformation.of(short[].class)), new short[] {-2});
        assertRoundTrip(serializer(TypeInformation.of(char[].class)), "h\u00E9\uD83D\uDE00".toCharArray());
        assertRoundTrip(serializer(TypeInformation.of(boolean[].class)), new boolean[] {true, false, true});
        assertRoundTrip(serializer(TypeInformation.of(int[].class)), null);
    }

    @Test
    void objectArraysKeepNullElements() {
        String[] values = {"a", null, "c", null, null, null, null, null, null, "j"};
        String[] read = assertRoundTrip(serializer(Types.OBJECT_ARRAY(Types.STRING)), values);
        assertArrayEquals(values, read);
        Color[][] nested = {{Color.RED}, null, {}};
        assertRoundTrip(serializer(TypeInformation.of(Color[][].class)), nested);
    }

    @Test
    void objectArrayCopiesAreDeep() {
        int[][] values = {{1, 2}, {3}};
        int[][] copy = serializer(TypeInformation.of(int[][].class)).copy(values);
        assertNotSame(values[0], copy[0]);
        assertArrayEquals(values[0], copy[0]);
    }

    @Test
    void enumsRoundTripByOrdinalIncludingConstantsWithBodies() {
        TypeSerializer<Color> colors = serializer(Types.ENUM(Color.class));
        for (Color color : Color.values()) {
            assertSame(color, assertRoundTrip(colors, color));
        }
        assertEquals(4, colors.getLength());
        assertTrue(colors.isImmutableType());
        assertEquals(Types.ENUM(Color.class), TypeInformation.of(Color.BLUE.getClass()));
    }

    @Test
    void listsKeepNullsAndOrder() {
        TypeSerializer<List<String>> strings = serializer(Types.LIST(Types.STRING));
        assertRoundTrip(strings, new ArrayList<>());
        assertRoundTrip(strings, Arrays.asList("a", null, "b"));
        List<String> linked = new LinkedList<>(Arrays.asList("x", null, "y", "z", "1", "2", "3", "4", "5", null));
        assertRoundTrip(strings, linked);
        List<List<Integer>> nested = List.of(List.of(1, 2), List.of());
        List<List<Integer>> copy = serializer(Types.LIST(Types.LIST(Types.INT))).copy(new ArrayList<>(nested));
        assertEquals(nested, copy);
        assertNotSame(nested.get(0), copy.get(0));
    }

    @Test
    void mapsKeepNullValues() {
        TypeSerializer<Map<String, Integer>> maps = serializer(Types.MAP(Types.STRING, Types.INT));
        assertRoundTrip(maps, new HashMap<>());
        Map<String, Integer> values = new HashMap<>();
        values.put("one", 1);
        values.put("none", null);
        assertRoundTrip(maps, values);
        Map<String, Integer> withNullKey = new HashMap<>();
        withNullKey.put(null, 1);
        assertThrows(NullPointerException.class, () -> maps.serialize(withNullKey, new DataOutputSerializer(8)));
    }

    @Test
    void optionalsRoundTripAndShareImmutableValues() {
        TypeSerializer<Optional<String>> optionals = serializer(Types.OPTIONAL(Types.STRING));
        assertRoundTrip(optionals, Optional.empty());
        Optional<String> present = Optional.of("here");
        assertRoundTrip(optionals, present);
        assertSame(present, optionals.copy(present));
        TypeSerializer<Optional<List<String>>> mutable = serializer(Types.OPTIONAL(Types.LIST(Types.STRING)));
        Optional<List<String>> list = Optional.of(new ArrayList<>(List.of("a")));
        assertNotSame(list.get(), mutable.copy(list).get());
    }

    @Test
    void tuplesRoundTripAndCopyDeeply() {
        TypeSerializer<Tuple2<String, List<Integer>>> pairs = serializer(
                new TypeHint<Tuple2<String, List<Integer>>>() {}.getTypeInfo());
        Tuple2<String, List<Integer>> value = Tuple2.of("k", new ArrayList<>(List.of(1, 2)));
        assertRoundTrip(pairs, value);
        Tuple2<String, List<Integer>> copy = pairs.copy(value);
        copy.f1.add(3);
        assertEquals(List.of(1, 2), value.f1);
        assertRoundTrip(serializer(Types.TUPLE()), new Tuple0());
        TypeSerializer<Tuple3<Integer, Long, Boolean>> fixed = serializer(Types.TUPLE(Types.INT, Types.LONG,
                Types.BOOLEAN));
        assertEquals(13, fixed.getLength());
        assertRoundTrip(fixed, Tuple3.of(1, 2L, true));
    }

    @Test
    void twentyFiveFieldTuplesRoundTrip() {
        TypeInformation<?>[] types = new TypeInformation<?>[Tuple.MAX_ARITY];
        Arrays.fill(types, Types.INT);
        TypeSerializer<Tuple> serializer = serializer(Types.TUPLE(types));
        Tuple tuple = Tuple.newInstance(Tuple.MAX_ARITY);
        for (int i = 0; i < Tuple.MAX_ARITY; i++) {
            tuple.setField(i * 1000, i);
        }
        assertRoundTrip(serializer, tuple);
    }

    @Test
    void nullTupleFieldFailsNamingTheField() {
        TypeSerializer<Tuple2<String, Integer>> pairs = serializer(Types.TUPLE(Types.STRING, Types.INT));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> pairs.serialize(Tuple2.of("a", null), new DataOutputSerializer(8)));
        assertTrue(e.getMessage().contains("Field f1 of Tuple2"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be null"), e.getMessage());
    }

    @Test
    void tupleDeserializationCanReuseAnInstance() throws Exception {
        TypeSerializer<Tuple2<String, Integer>> pairs = serializer(Types.TUPLE(Types.STRING, Types.INT));
        DataOutputSerializer out = new DataOutputSerializer(8);
        pairs.serialize(Tuple2.of("a", 1), out);
        Tuple2<String, Integer> reuse = new Tuple2<>();
        assertSame(reuse, pairs.deserialize(reuse, new DataInputDeserializer(out.getCopyOfBuffer())));
        assertEquals(Tuple2.of("a", 1), reuse);
    }

    @Test
    void rowsKeepKindNullsAndNames() throws Exception {
        TypeSerializer<Row> rows = serializer(Types.ROW_NAMED(new String[] {"name", "count", "tags"}, Types.STRING,
                Types.LONG, Types.LIST(Types.STRING)));
        assertRoundTrip(rows, Row.of("a", 1L, List.of("x")));
        assertRoundTrip(rows, Row.ofKind(RowKind.DELETE, null, null, null));
        Row read = assertRoundTrip(rows, Row.ofKind(RowKind.UPDATE_AFTER, "b", 2L, null));
        assertEquals(RowKind.UPDATE_AFTER, read.getKind());
        assertEquals(2L, read.getField("count"));

        Row named = Row.withNames(RowKind.UPDATE_BEFORE);
        named.setField("count", 5L);
        named.setField("name", "n");
        DataOutputSerializer out = new DataOutputSerializer(8);
        rows.serialize(named, out);
        Row fromNamed = rows.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(Row.ofKind(RowKind.UPDATE_BEFORE, "n", 5L, null), fromNamed, "read back positional");
        assertEquals(named, rows.copy(named), "copies keep the mode");
    }

    @Test
    void rowsWithManyFieldsUseSeveralMaskBytes() {
        TypeInformation<?>[] types = new TypeInformation<?>[20];
        Arrays.fill(types, Types.INT);
        Object[] values = new Object[20];
        for (int i = 0; i < 20; i++) {
            values[i] = i % 3 == 0 ? null : i;
        }
        assertRoundTrip(serializer(Types.ROW(types)), Row.of(values));
    }

    @Test
    void rowOfTheWrongArityFails() {
        TypeSerializer<Row> rows = serializer(Types.ROW(Types.STRING, Types.INT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rows.serialize(Row.of("a"), new DataOutputSerializer(8)));
        assertTrue(e.getMessage().contains("has 1 fields, but its type has 2"), e.getMessage());
    }

    @Test
    void pojosRoundTripWithNullFields() {
        TypeSerializer<TestTypes.Person> people = serializer(TypeInformation.of(TestTypes.Person.class));
        assertRoundTrip(people, new TestTypes.Person("ann", 31, 7, new ArrayList<>(List.of("a", "b"))));
        TestTypes.Person nulls = new TestTypes.Person(null, 0, null, null);
        assertNull(assertRoundTrip(people, nulls).tags, "a null field overrides the constructor's default");
        assertRoundTrip(people, null);
        TestTypes.Person original = new TestTypes.Person("b", 1, null, new ArrayList<>());
        TestTypes.Person copy = people.copy(original);
        copy.tags.add("changed");
        assertTrue(original.tags.isEmpty());
    }

    @Test
    void pojosWithGettersSettersAndNestedPojosRoundTrip() {
        TypeSerializer<TestTypes.Account> accounts = serializer(TypeInformation.of(TestTypes.Account.class));
        TestTypes.Account account = new TestTypes.Account();
        account.setId(9);
        account.setActive(true);
        account.setColor(Color.BLUE);
        TestTypes.Address address = new TestTypes.Address();
        address.city = "Oslo";
        account.setAddress(address);
        assertRoundTrip(accounts, account);
        assertRoundTrip(accounts, new TestTypes.Account());
    }

    @Test
    void pojoSubclassValuesUseTheSubclassSerializer() {
        TypeSerializer<TestTypes.Person> people = serializer(TypeInformation.of(TestTypes.Person.class));
        TestTypes.Employee employee = new TestTypes.Employee();
        employee.name = "e";
        employee.company = "acme";
        TestTypes.Person read = assertRoundTrip(people, employee);
        assertEquals(TestTypes.Employee.class, read.getClass());
    }

    @Test
    void recordsRoundTripWithNullComponents() {
        TypeSerializer<TestTypes.Labeled> labeled = serializer(TypeInformation.of(TestTypes.Labeled.class));
        assertRoundTrip(labeled, new TestTypes.Labeled("l", 3, new TestTypes.Point(1, -1), Color.GREEN,
                List.of("n")));
        assertRoundTrip(labeled, new TestTypes.Labeled(null, null, null, null, null));
    }

    @Test
    void recordsOfMoreThanEightComponentsRoundTripWithNullsInEachGroup() {
        TypeSerializer<TestTypes.Wide> wide = serializer(TypeInformation.of(TestTypes.Wide.class));
        assertRoundTrip(wide, new TestTypes.Wide("a", 1L, "c", 2, "e", 3L, "g", 4, "i", 5L));
        assertRoundTrip(wide, new TestTypes.Wide(null, 1L, "c", null, "e", 3L, "g", null, null, 5L));
        assertRoundTrip(wide, new TestTypes.Wide("a", null, "c", 2, "e", 3L, null, 4, "i", null));
        assertRoundTrip(wide, new TestTypes.Wide(null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void recordsOfImmutableComponentsAreNotCopied() {
        TypeSerializer<TestTypes.Point> points = serializer(TypeInformation.of(TestTypes.Point.class));
        TestTypes.Point point = new TestTypes.Point(1, 2);
        assertTrue(points.isImmutableType());
        assertSame(point, points.copy(point));
        assertRoundTrip(points, point);

        TypeSerializer<TestTypes.Labeled> labeled = serializer(TypeInformation.of(TestTypes.Labeled.class));
        TestTypes.Labeled withList = new TestTypes.Labeled("l", 1, point, Color.RED, new ArrayList<>(List.of("a")));
        TestTypes.Labeled copy = labeled.copy(withList);
        assertNotSame(withList.notes(), copy.notes());
        assertEquals(withList, copy);
    }

    @Test
    void genericRecordsRoundTripWithBoundTypes() {
        TypeInformation<TestTypes.Pair<String, Long>> type = new TypeHint<TestTypes.Pair<String, Long>>() {}
                .getTypeInfo();
        assertRoundTrip(serializer(type), new TestTypes.Pair<>("a", 2L));
    }

    @Test
    void compositeSerializersSurviveJavaSerializationAndStillWork() throws Exception {
        TypeSerializer<TestTypes.Account> accounts = serializer(TypeInformation.of(TestTypes.Account.class));
        TypeSerializer<TestTypes.Account> restored = SerializerAssertions.javaRoundTrip(accounts);
        TestTypes.Account account = new TestTypes.Account();
        account.setId(3);
        assertEquals(account, assertRoundTrip(restored, account));
        TypeSerializer<TestTypes.Labeled> records = SerializerAssertions.javaRoundTrip(
                serializer(TypeInformation.of(TestTypes.Labeled.class)));
        assertRoundTrip(records, new TestTypes.Labeled("x", 1, null, Color.RED, List.of()));
    }
}
