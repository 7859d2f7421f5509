package io.weir.api.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.tuple.Tuple2;
import io.weir.api.tuple.Tuple3;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldAccessorsTest {
    private static final TypeInformation<Tuple3<String, Integer, Long>> TRIPLE =
            Types.TUPLE(Types.STRING, Types.INT, Types.LONG);

    @Test
    void tupleFieldsByPositionAndName() {
        Tuple3<String, Integer, Long> tuple = Tuple3.of("a", 1, 2L);
        FieldAccessor<Tuple3<String, Integer, Long>, Integer> second = FieldAccessors.forPosition(TRIPLE, 1);
        assertEquals(1, second.get(tuple));
        assertSame(tuple, second.set(tuple, 5));
        assertEquals(5, tuple.f1);
        assertEquals(Types.INT, second.getFieldType());
        FieldAccessor<Tuple3<String, Integer, Long>, Long> third = FieldAccessors.forName(TRIPLE, "f2");
        assertEquals(2L, third.get(tuple));
        assertEquals(Types.LONG, FieldAccessors.forName(TRIPLE, "2").getFieldType());
    }

    @Test
    void badTuplePositionsAndNamesListWhatExists() {
        InvalidFieldReferenceException byPosition = assertThrows(InvalidFieldReferenceException.class,
                () -> FieldAccessors.forPosition(TRIPLE, 3));
        assertEquals("Position 3 does not exist in Tuple3<String, Integer, Long>. Available positions: 0 to 2 "
                + "[f0, f1, f2]", byPosition.getMessage());
        InvalidFieldReferenceException byName = assertThrows(InvalidFieldReferenceException.class,
                () -> FieldAccessors.forName(TRIPLE, "count"));
        assertEquals("Field 'count' does not exist in Tuple3<String, Integer, Long>. Available fields: "
                + "[f0, f1, f2]", byName.getMessage());
    }

    @Test
    void pojoFieldsByNameIncludingNestedPaths() {
        TypeInformation<TestTypes.Account> type = TypeInformation.of(TestTypes.Account.class);
        TestTypes.Account account = new TestTypes.Account();
        account.setId(7);
        account.setAddress(new TestTypes.Address());
        FieldAccessor<TestTypes.Account, Long> id = FieldAccessors.forName(type, "id");
        assertEquals(7L, id.get(account));
        id.set(account, 8L);
        assertEquals(8, account.getId());
        FieldAccessor<TestTypes.Account, String> city = FieldAccessors.forName(type, "address.city");
        city.set(account, "Lima");
        assertEquals("Lima", account.getAddress().city);
        assertEquals(Types.STRING, city.getFieldType());
    }

    @Test
    void badPojoReferencesListTheFields() {
        TypeInformation<TestTypes.Person> type = TypeInformation.of(TestTypes.Person.class);
        InvalidFieldReferenceException e = assertThrows(InvalidFieldReferenceException.class,
                () -> FieldAccessors.forName(type, "nmae"));
        assertTrue(e.getMessage().endsWith("Available fields: [age, name, score, tags]"), e.getMessage());
        InvalidFieldReferenceException position = assertThrows(InvalidFieldReferenceException.class,
                () -> FieldAccessors.forPosition(type, 0));
        assertTrue(position.getMessage().contains("addressed by name"), position.getMessage());
    }

    @Test
    void recordComponentsAreSetByMakingANewRecord() {
        TypeInformation<TestTypes.Point> type = TypeInformation.of(TestTypes.Point.class);
        TestTypes.Point point = new TestTypes.Point(1, 2);
        FieldAccessor<TestTypes.Point, Integer> y = FieldAccessors.forName(type, "y");
        TestTypes.Point moved = y.set(point, 5);
        assertNotSame(point, moved);
        assertEquals(new TestTypes.Point(1, 5), moved);
        assertEquals(new TestTypes.Point(1, 2), point);
        assertEquals(1, FieldAccessors.<TestTypes.Point, Integer>forPosition(type, 0).get(point));
        TypeInformation<TestTypes.Labeled> labeled = TypeInformation.of(TestTypes.Labeled.class);
        FieldAccessor<TestTypes.Labeled, Integer> nested = FieldAccessors.forName(labeled, "point.x");
        TestTypes.Labeled value = new TestTypes.Labeled("l", 1, point, null, List.of());
        assertEquals(new TestTypes.Point(9, 2), nested.set(value, 9).point());
    }

    @Test
    void rowFieldsByPositionAndName() {
        TypeInformation<Row> type = Types.ROW_NAMED(new String[] {"word", "count"}, Types.STRING, Types.INT);
        Row row = Row.of("a", 1);
        FieldAccessor<Row, Integer> count = FieldAccessors.forName(type, "count");
        assertEquals(1, count.get(row));
        count.set(row, 2);
        assertEquals(2, row.getField(1));
        Row named = Row.withNames();
        named.setField("count", 3);
        assertEquals(3, count.get(named));
        assertEquals("a", FieldAccessors.forPosition(type, 0).get(row));
    }

    @Test
    void arraysAndBasicValues() {
        FieldAccessor<int[], Integer> element = FieldAccessors.forPosition(TypeInformation.of(int[].class), 1);
        int[] values = {1, 2, 3};
        assertEquals(2, element.get(values));
        element.set(values, 7);
        assertEquals(7, values[1]);
        FieldAccessor<Long, Long> self = FieldAccessors.forPosition(Types.LONG, 0);
        assertEquals(4L, self.set(3L, 4L));
        assertEquals(Types.LONG, FieldAccessors.forName(Types.LONG, "*").getFieldType());
        assertThrows(InvalidFieldReferenceException.class, () -> FieldAccessors.forPosition(Types.LONG, 1));
    }

    @Test
    void missingTypesThrowTheirExplanation() {
        TypeInformation<Tuple2<String, Integer>> missing = MissingTypeInfo.forType("give the type");
        InvalidTypesException e = assertThrows(InvalidTypesException.class,
                () -> FieldAccessors.forPosition(missing, 0));
        assertEquals("give the type", e.getMessage());
    }

    @Test
    void accessorsAreSerializable() {
        FieldAccessor<TestTypes.Account, String> city = FieldAccessors.forName(
                TypeInformation.of(TestTypes.Account.class), "address.city");
        FieldAccessor<TestTypes.Account, String> restored = SerializerAssertions.javaRoundTrip(city);
        TestTypes.Account account = new TestTypes.Account();
        account.setAddress(new TestTypes.Address());
        restored.set(account, "Oslo");
        assertEquals("Oslo", account.getAddress().city);
    }
}
