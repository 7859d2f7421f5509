package io.weir.api.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.tuple.Tuple2;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Return type extraction for functions, with small function interfaces shaped like the DataStream
 * API's (the extractor only sees an object and an interface or abstract class).
 */
class FunctionTypeExtractionTest {

    interface TestMap<I, O> extends Serializable {
        O map(I value) throws Exception;
    }

    interface TestCollector<T> {
        void collect(T value);
    }

    interface TestFlatMap<I, O> extends Serializable {
        void flatMap(I value, TestCollector<O> out) throws Exception;
    }

    interface TestKeySelector<I, K> extends Serializable {
        K getKey(I value) throws Exception;
    }

    interface TestSource<T, S> extends Serializable {
    }

    /** Not serializable, so lambdas of it cannot be inspected. */
    interface PlainMap<I, O> {
        O map(I value);
    }

    abstract static class TestRichMap<I, O> implements TestMap<I, O> {
    }

    abstract static class TestProcess<I, O> implements Serializable {
        abstract void processElement(I value, Object context, TestCollector<O> out);
    }

    abstract static class TestKeyedProcess<K, I, O> implements Serializable {
        abstract void processElement(I value, Object context, TestCollector<O> out);
    }

    static class Tokenizer extends TestRichMap<String, Tuple2<String, Integer>> {
        @Override
        public Tuple2<String, Integer> map(String value) {
            return Tuple2.of(value, 1);
        }
    }

    static class Identity<T> implements TestMap<T, T> {
        @Override
        public T map(T value) {
            return value;
        }
    }

    static class PairWithOne<T> implements TestMap<T, Tuple2<T, Integer>> {
        @Override
        public Tuple2<T, Integer> map(T value) {
            return Tuple2.of(value, 1);
        }
    }

    static class FirstOfList<T> implements TestMap<List<T>, T> {
        @Override
        public T map(List<T> value) {
            return value.get(0);
        }
    }

    static class KeyOfPair<K, V> implements TestKeySelector<Tuple2<K, V>, K> {
        @Override
        public K getKey(Tuple2<K, V> value) {
            return value.f0;
        }
    }

    static class Listing<X> extends TestRichMap<X, List<X>> {
        @Override
        public List<X> map(X value) {
            return List.of(value);
        }
    }

    static class StringListing extends Listing<String> {
    }

    @SuppressWarnings("rawtypes")
    static class RawMap implements TestMap {
        @Override
        public Object map(Object value) {
            return value;
        }
    }

    static class LongSource implements TestSource<Long, String> {
    }

    static Tuple2<String, Integer> pairOf(String word) {
        return Tuple2.of(word, 1);
    }

    static void split(String line, TestCollector<Tuple2<String, Integer>> out) {
        out.collect(Tuple2.of(line, 1));
    }

    static <T> List<T> listOf(T value) {
        return List.of(value);
    }

    int offset = 1;

    Integer shifted(String value) {
        return value.length() + offset;
    }

    void splitWithOffset(String line, TestCollector<Tuple2<String, Long>> out) {
        out.collect(Tuple2.of(line, (long) offset));
    }

    private static <IN, OUT> TypeInformation<OUT> map(TestMap<IN, OUT> function, TypeInformation<IN> in) {
        return TypeExtractor.getUnaryOperatorReturnType(function, TestMap.class, 0, 1, null, in, "Map");
    }

    private static <IN, OUT> TypeInformation<OUT> flatMap(TestFlatMap<IN, OUT> function, TypeInformation<IN> in) {
        return TypeExtractor.getUnaryOperatorReturnType(function, TestFlatMap.class, 0, 1, new int[] {1, 0}, in,
                "Flat Map");
    }

    @Test
    void anonymousClassGivesItsTypeArguments() {
        TypeInformation<Integer> type = map(new TestMap<String, Integer>() {
            @Override
            public Integer map(String value) {
                return value.length();
            }
        }, Types.STRING);
        assertEquals(Types.INT, type);
    }

    @Test
    void classExtendingAnAbstractBaseGivesItsTypeArguments() {
        assertEquals(Types.TUPLE(Types.STRING, Types.INT), map(new Tokenizer(), Types.STRING));
        assertEquals(Types.LIST(Types.STRING), map(new StringListing(), Types.STRING));
    }

    @Test
    void typeVariablesAreBoundFromTheInputType() {
        assertEquals(Types.STRING, map(new Identity<String>(), Types.STRING));
        assertEquals(Types.TUPLE(Types.LONG, Types.INT), map(new PairWithOne<Long>(), Types.LONG));
        assertEquals(Types.DOUBLE, map(new FirstOfList<Double>(), Types.LIST(Types.DOUBLE)));
        TypeInformation<String> key = TypeExtractor.getUnaryOperatorReturnType(new KeyOfPair<String, Long>(),
                TestKeySelector.class, 0, 1, null, Types.TUPLE(Types.STRING, Types.LONG), "Key Selector");
        assertEquals(Types.STRING, key);
    }

    @Test
    void unboundTypeVariableIsMissing() {
        TypeInformation<String> type = map(new Identity<String>(), null);
        assertInstanceOf(MissingTypeInfo.class, type);
        assertTrue(((MissingTypeInfo<?>) type).toException().getMessage().contains("type variable T"));
    }

    @Test
    void abstractClassFunctionsWithCollectorOutputs() {
        TypeInformation<Long> type = TypeExtractor.getUnaryOperatorReturnType(new TestProcess<String, Long>() {
            @Override
            void processElement(String value, Object context, TestCollector<Long> out) {
            }
        }, TestProcess.class, 0, 1, null, Types.STRING, "Process");
        assertEquals(Types.LONG, type);
        TypeInformation<Boolean> keyed = TypeExtractor.getUnaryOperatorReturnType(
                new TestKeyedProcess<String, Integer, Boolean>() {
                    @Override
                    void processElement(Integer value, Object context, TestCollector<Boolean> out) {
                    }
                }, TestKeyedProcess.class, 1, 2, null, Types.INT, "KeyedProcess");
        assertEquals(Types.BOOLEAN, keyed);
    }

    @Test
    void functionsWithoutInputUseOnlyTheOutputIndex() {
        assertEquals(Types.LONG, TypeExtractor.getUnaryOperatorReturnType(new LongSource(), TestSource.class, -1, 0,
                null, null, "Source"));
    }

    @Test
    void lambdaWithANonGenericResultWorks() {
        int captured = 2;
        assertEquals(Types.INT, map((String s) -> s.length() + captured, Types.STRING));
        TypeInformation<String> key = TypeExtractor.getUnaryOperatorReturnType(
                (TestKeySelector<Tuple2<String, Integer>, String>) t -> t.f0, TestKeySelector.class, 0, 1, null,
                Types.TUPLE(Types.STRING, Types.INT), "Key Selector");
        assertEquals(Types.STRING, key);
    }

    @Test
    void lambdaWithGenericResultIsMissingWithAdvice() {
        TypeInformation<Tuple2<String, Integer>> type = map((String s) -> Tuple2.of(s, 1), Types.STRING);
        assertInstanceOf(MissingTypeInfo.class, type);
        InvalidTypesException e = assertThrows(InvalidTypesException.class,
                () -> type.createSerializer(new SerializerConfig()));
        String message = e.getMessage();
        assertTrue(message.startsWith("The return type of 'Map at FunctionTypeExtractionTest."
                + "lambdaWithGenericResultIsMissingWithAdvice' could not be determined automatically, because of "
                + "type erasure (Java lambdas with generic result types such as Tuple2<String,Integer>). Give it "
                + "explicitly with .returns(new TypeHint<Tuple2<String, Integer>>(){}) or "
                + ".returns(Types.TUPLE(Types.STRING, Types.INT)), or use a class that implements the function "
                + "interface."), message);
        assertThrows(InvalidTypesException.class, type::getTypeClass);
    }

    @Test
    void flatMapLambdaIsMissingBecauseTheCollectorIsErased() {
        TypeInformation<String> type = flatMap((String line, TestCollector<String> out) -> out.collect(line),
                Types.STRING);
        assertInstanceOf(MissingTypeInfo.class, type);
        assertTrue(((MissingTypeInfo<?>) type).toException().getMessage().contains("'Flat Map at "
                + "FunctionTypeExtractionTest.flatMapLambdaIsMissingBecauseTheCollectorIsErased'"));
    }

    @Test
    void methodReferencesKeepTheGenericSignature() {
        assertEquals(Types.TUPLE(Types.STRING, Types.INT), map(FunctionTypeExtractionTest::pairOf, Types.STRING));
        assertEquals(Types.TUPLE(Types.STRING, Types.INT), flatMap(FunctionTypeExtractionTest::split, Types.STRING));
        assertEquals(Types.INT, map(String::length, Types.STRING));
        assertEquals(Types.INT, map(this::shifted, Types.STRING));
        assertEquals(Types.TUPLE(Types.STRING, Types.LONG), flatMap(this::splitWithOffset, Types.STRING));
        assertEquals(Types.BIG_DEC, map(BigDecimal::new, Types.STRING));
    }

    @Test
    void genericMethodReferencesBindFromTheInput() {
        TypeInformation<List<String>> type = map(FunctionTypeExtractionTest::listOf, Types.STRING);
        assertEquals(Types.LIST(Types.STRING), type);
    }

    @Test
    void rawImplementationsAndPlainLambdasAreMissing() {
        @SuppressWarnings("unchecked")
        TypeInformation<Object> raw = map(new RawMap(), Types.STRING);
        assertInstanceOf(MissingTypeInfo.class, raw);
        PlainMap<String, Integer> plain = String::length;
        TypeInformation<Object> fromPlain = TypeExtractor.getUnaryOperatorReturnType(plain, PlainMap.class, 0, 1,
                null, Types.STRING, "Map");
        assertInstanceOf(MissingTypeInfo.class, fromPlain);
        assertTrue(((MissingTypeInfo<?>) fromPlain).toException().getMessage().contains("not serializable"));
    }

    @Test
    void missingInputTypeDoesNotHideAKnownOutput() {
        MissingTypeInfo<String> missingInput = MissingTypeInfo.forType("unknown");
        assertEquals(Types.INT, map((String s) -> s.length(), missingInput));
    }

    /** A generic function whose result type is hidden by erasure but declared by the function. */
    static final class DeclaredPair<T> implements TestMap<String, Tuple2<String, T>>, ResultTypeQueryable<Tuple2<String, T>> {
        private final TypeInformation<T> valueType;

        DeclaredPair(TypeInformation<T> valueType) {
            this.valueType = valueType;
        }

        @Override
        public Tuple2<String, T> map(String value) {
            return null;
        }

        @Override
        public TypeInformation<Tuple2<String, T>> getProducedType() {
            return Types.TUPLE(Types.STRING, valueType);
        }
    }

    @Test
    void functionThatDeclaresItsTypeIsAskedFirst() {
        TypeInformation<?> type = TypeExtractor.getUnaryOperatorReturnType(new DeclaredPair<>(Types.INT), TestMap.class,
                0, 1, null, Types.STRING, "Map");
        assertEquals(Types.TUPLE(Types.STRING, Types.INT), type);
    }
}
