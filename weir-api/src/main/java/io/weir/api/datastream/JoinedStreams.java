package io.weir.api.datastream;

import io.weir.api.functions.CoGroupFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.FlatJoinFunction;
import io.weir.api.functions.JoinFunction;
import io.weir.api.functions.KeySelector;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.windows.Window;
import java.time.Duration;

/**
 * An inner join of two streams over windows: {@code a.join(b).where(ka).equalTo(kb).window(assigner)
 * .apply(joinFunction)} calls the function for every pair of elements, one from each input, with
 * equal keys in the same window. Built on {@link CoGroupedStreams}.
 */
public class JoinedStreams<T1, T2> {
    /** The steps up to the window are those of a coGroup; the join only adds its function. */
    private final CoGroupedStreams<T1, T2> coGrouped;

    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.coGrouped = new CoGroupedStreams<>(input1, input2);
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(coGrouped.where(keySelector));
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInformation<KEY> keyType) {
        return new Where<>(coGrouped.where(keySelector, keyType));
    }

    /** The first input keyed; next the key of the second input. */
    public class Where<KEY> {
        private final CoGroupedStreams<T1, T2>.Where<KEY> firstKeyed;

        Where(CoGroupedStreams<T1, T2>.Where<KEY> firstKeyed) {
            this.firstKeyed = firstKeyed;
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            return new EqualTo(firstKeyed.equalTo(keySelector));
        }

        /** Fails if {@code keyType} is not the key type of {@code where(...)}. */
        public EqualTo equalTo(KeySelector<T2, KEY> keySelector, TypeInformation<KEY> keyType) {
            return new EqualTo(firstKeyed.equalTo(keySelector, keyType));
        }

        /** Both inputs keyed; next the windows. */
        public class EqualTo {
            private final CoGroupedStreams<T1, T2>.Where<KEY>.EqualTo bothKeyed;

            EqualTo(CoGroupedStreams<T1, T2>.Where<KEY>.EqualTo bothKeyed) {
                this.bothKeyed = bothKeyed;
            }

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(
                    WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(bothKeyed.window(assigner));
            }
        }
    }

    /** Both inputs keyed and windowed: set trigger, evictor or lateness, then apply the join function. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGrouped;

        WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGrouped) {
            this.coGrouped = coGrouped;
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
            coGrouped.trigger(trigger);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
            coGrouped.evictor(evictor);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            coGrouped.allowedLateness(lateness);
            return this;
        }

        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
            TypeInformation<T> resultType = TypeExtractor.getUnaryOperatorReturnType(function, JoinFunction.class, 0, 2,
                    null, null, "JoinFunction");
            return apply(function, resultType);
        }

        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return coGrouped.apply(new Pairs<>(function), resultType).name("Join window");
        }

        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
            TypeInformation<T> resultType = TypeExtractor.getUnaryOperatorReturnType(function, FlatJoinFunction.class, 0,
                    2, new int[] {2, 0}, null, "FlatJoinFunction");
            return apply(function, resultType);
        }

        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function,
                TypeInformation<T> resultType) {
            return coGrouped.apply(new FlatPairs<>(function), resultType).name("Join window");
        }
    }

    /** Joins every pair of the two groups. */
    private static final class Pairs<T1, T2, T> extends WrappingFunction<JoinFunction<T1, T2, T>>
            implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;

        Pairs(JoinFunction<T1, T2, T> function) {
            super(function);
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 one : first) {
                for (T2 two : second) {
                    out.collect(wrapped.join(one, two));
                }
            }
        }
    }

    private static final class FlatPairs<T1, T2, T> extends WrappingFunction<FlatJoinFunction<T1, T2, T>>
            implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;

        FlatPairs(FlatJoinFunction<T1, T2, T> function) {
            super(function);
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 one : first) {
                for (T2 two : second) {
                    wrapped.join(one, two, out);
                }
            }
        }
    }
}
