package io.weir.api.datastream;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.functions.ClosureCleaner;
import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.windowing.WindowFunction;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two streams grouped together by key and window: {@code a.coGroup(b).where(ka).equalTo(kb)
 * .window(assigner).apply(coGroupFunction)} calls the function once per key and window with the
 * elements of both inputs. It runs as one keyed window over the union of both inputs, each element
 * tagged with its input.
 */
public class CoGroupedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = input1;
        this.input2 = input2;
    }

    /** The key of the first input. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        TypeInformation<KEY> keyType = TypeExtractor.getUnaryOperatorReturnType(keySelector, KeySelector.class, 0, 1,
                null, input1.getType(), "Key Selector");
        return where(keySelector, keyType);
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInformation<KEY> keyType) {
        return new Where<>(keySelector, keyType);
    }

    /** The first input keyed; next the key of the second input. */
    public class Where<KEY> {
        private final KeySelector<T1, KEY> keySelector1;
        private final TypeInformation<KEY> keyType;

        Where(KeySelector<T1, KEY> keySelector1, TypeInformation<KEY> keyType) {
            this.keySelector1 = keySelector1;
            this.keyType = keyType;
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            TypeInformation<KEY> otherKey = TypeExtractor.getUnaryOperatorReturnType(keySelector, KeySelector.class, 0,
                    1, null, input2.getType(), "Key Selector");
            return equalTo(keySelector, otherKey);
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector, TypeInformation<KEY> keyType) {
            if (!this.keyType.equals(keyType) && this.keyType.isKeyType() && keyType.isKeyType()) {
                throw new InvalidProgramException("The keys of the two inputs have different types: " + this.keyType
                        + " in where(...) and " + keyType + " in equalTo(...). Both key selectors must return the"
                        + " same type.");
            }
            return new EqualTo(keySelector);
        }

        /** Both inputs keyed; next the windows. */
        public class EqualTo {
            private final KeySelector<T2, KEY> keySelector2;

            EqualTo(KeySelector<T2, KEY> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(
                    WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(input1, input2, keySelector1, keySelector2, keyType, assigner);
            }
        }
    }

    /** Both inputs keyed and windowed: set trigger, evictor or lateness, then apply the function. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed;

        WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> keySelector1,
                KeySelector<T2, KEY> keySelector2, TypeInformation<KEY> keyType,
                WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
            TypeInformation<TaggedUnion<T1, T2>> unionType =
                    new TaggedUnion.UnionTypeInfo<>(input1.getType(), input2.getType());
            DataStream<TaggedUnion<T1, T2>> tagged1 = input1.map(new TagOne<T1, T2>(), unionType).name("Tag first input");
            DataStream<TaggedUnion<T1, T2>> tagged2 = input2.map(new TagTwo<T1, T2>(), unionType).name("Tag second input");
            this.windowed = tagged1.union(tagged2).keyBy(new UnionKeySelector<>(keySelector1, keySelector2), keyType)
                    .window(assigner);
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
            windowed.trigger(trigger);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
            windowed.evictor(evictor);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            windowed.allowedLateness(lateness);
            return this;
        }

        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
            TypeInformation<T> resultType = TypeExtractor.getUnaryOperatorReturnType(function, CoGroupFunction.class, 0,
                    2, new int[] {2, 0}, null, "CoGroupFunction");
            return apply(function, resultType);
        }

        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function,
                TypeInformation<T> resultType) {
            return windowed.apply(new CoGroupWindowFunction<>(function), resultType).name("CoGroup window");
        }
    }

    private static final class TagOne<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T1 value) {
            return TaggedUnion.one(value);
        }
    }

    private static final class TagTwo<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T2 value) {
            return TaggedUnion.two(value);
        }
    }

    private static final class UnionKeySelector<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
        private static final long serialVersionUID = 1L;

        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;

        UnionKeySelector(KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2) {
            this.keySelector1 = ClosureCleaner.clean(keySelector1);
            this.keySelector2 = ClosureCleaner.clean(keySelector2);
        }

        @Override
        public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? keySelector1.getKey(value.getOne()) : keySelector2.getKey(value.getTwo());
        }
    }

    /** Splits a window of tagged elements into the two inputs and calls the coGroup function. */
    private static final class CoGroupWindowFunction<T1, T2, T, KEY, W extends Window>
            extends WrappingFunction<CoGroupFunction<T1, T2, T>>
            implements WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> {
        private static final long serialVersionUID = 1L;

        CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
            super(function);
        }

        @Override
        public void apply(KEY key, W window, Iterable<TaggedUnion<T1, T2>> values, Collector<T> out) throws Exception {
            List<T1> ones = new ArrayList<>();
            List<T2> twos = new ArrayList<>();
            for (TaggedUnion<T1, T2> value : values) {
                if (value.isOne()) {
                    ones.add(value.getOne());
                } else {
                    twos.add(value.getTwo());
                }
            }
            wrapped.coGroup(ones, twos, out);
        }
    }
}
