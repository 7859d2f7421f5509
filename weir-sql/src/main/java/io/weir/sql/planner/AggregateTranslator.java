package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Row;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.AggregateSlot;
import io.weir.sql.udf.AggregateFunctionOperator;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.CountSlot;
import io.weir.sql.runtime.agg.DistinctBucketKey;
import io.weir.sql.runtime.agg.GroupAggregateFunction;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.agg.LocalGroupAggregateOperator;
import io.weir.sql.runtime.agg.MiniBatchGroupAggregateOperator;
import io.weir.sql.runtime.agg.MinMaxSlot;
import io.weir.sql.runtime.agg.NumericType;
import io.weir.sql.runtime.agg.RetractableMinMaxSlot;
import io.weir.sql.runtime.agg.SumSlot;
import io.weir.sql.runtime.window.GroupByHopFunction;
import io.weir.sql.runtime.window.SessionWindowAggregateFunction;
import io.weir.sql.runtime.window.LocalSliceAggregateOperator;
import io.weir.sql.runtime.window.SlicedWindowAggregateFunction;
import io.weir.sql.runtime.window.WindowAggregateFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates a {@link Aggregate} into a keyed operator: a window aggregate when it groups by the
 * {@code window_start} and {@code window_end} of a window table function or by a legacy
 * {@code TUMBLE(ts, size)} (append-only, fired by the watermark), otherwise a group aggregate (an
 * updating changelog).
 */
final class AggregateTranslator {

    private AggregateTranslator() {
    }

    static ChangelogStream translate(Aggregate aggregate, ChangelogStream input, Duration stateTtl) {
        return translate(aggregate, input, stateTtl, MiniBatchOptions.disabled());
    }

    /** @param miniBatch whether a group aggregate buffers its rows per group ({@link MiniBatchGroupAggregateOperator}) */
    static ChangelogStream translate(Aggregate aggregate, ChangelogStream input, Duration stateTtl,
            MiniBatchOptions miniBatch) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            throw new ValidationException("GROUPING SETS, ROLLUP and CUBE are not supported by Weir yet; "
                    + "use GROUP BY with plain columns or expressions");
        }
        int[] keys = aggregate.getGroupSet().toArray();
        RelDataType inputType = aggregate.getInput().getRowType();
        boolean retracting = input.mode().hasRetractions();
        Accumulators accumulators = accumulators(aggregate.getAggCallList(), inputType, retracting);
        RowTypeInfo keyType = RowTypes.of(inputType, keys);
        RowTypeInfo outputType = RowTypes.of(aggregate.getRowType());
        DataStream<Row> rows = input.rows();
        WindowKey window = windowKey(aggregate);
        if (window == null) {
            window = legacyTumbleKey(aggregate, keys);
        }
        if (window != null && window.hopSlide() > 0) {
            // Legacy HOP: one copy of each row per window, its $HOP field (the row's time) set to the window's start.
            rows = rows.flatMap(new GroupByHopFunction(keys[window.field()], window.hopSlide(), window.endOffset()),
                            RowTypes.of(inputType))
                    .name("GroupByHop").setParallelism(rows.getParallelism());
        }
        SessionKey session = window == null ? legacySessionKey(aggregate, keys) : null;
        if ((window != null || session != null) && !input.mode().isInsertOnly()) {
            throw new ValidationException("A window aggregate needs append-only input, but its input has updates "
                    + "from " + input.updatingNode() + "; aggregate the rows before they are updated");
        }
        if (session != null) {
            RowTypeInfo otherKeys = RowTypes.of(inputType, session.otherKeys(keys));
            return ChangelogStream.appendOnly(rows.keyBy(new KeyProjection(session.otherKeys(keys)), otherKeys)
                    .process(new SessionWindowAggregateFunction(accumulators, keys, session.position(), session.gap(),
                            RowTypes.of(inputType)), outputType)
                    .name("SessionWindowAggregate"));
        }
        if (window != null) {
            if (!input.mode().isInsertOnly()) {
                throw new ValidationException("A window aggregate needs append-only input, but its input has updates "
                        + "from " + input.updatingNode() + "; aggregate the rows before they are updated");
            }
            return ChangelogStream.appendOnly(rows.keyBy(new KeyProjection(keys), keyType)
                    .process(new WindowAggregateFunction(accumulators, window.field(), window.endOffset()), outputType)
                    .name("WindowAggregate"));
        }
        if (miniBatch.splitDistinctBuckets() > 0 && canSplitDistinct(aggregate.getAggCallList())) {
            return translateSplitDistinct(aggregate, rows, retracting, stateTtl, miniBatch);
        }
        if (miniBatch.enabled() && miniBatch.twoPhase() && input.mode().isInsertOnly() && accumulators.canMerge()) {
            return translateTwoPhase(aggregate, rows, accumulators, stateTtl, miniBatch);
        }
        DataStream<Row> result = miniBatch.enabled()
                ? rows.keyBy(new KeyProjection(keys), keyType).transform("MiniBatchGroupAggregate", outputType,
                        new MiniBatchGroupAggregateOperator(accumulators, stateTtl, miniBatch.latency(), miniBatch.size()))
                : rows.keyBy(new KeyProjection(keys), keyType)
                        .process(new GroupAggregateFunction(accumulators, stateTtl), outputType)
                        .name("GroupAggregate");
        return new ChangelogStream(result, ChangelogMode.all(), StreamPlanTranslator.describe(aggregate));
    }

    /**
     * A group aggregate in two phases (local-global), as Flink runs it with mini-batch on: before the
     * exchange a {@link LocalGroupAggregateOperator} adds each batch's rows per group into a partial
     * accumulator; after it, keyed by the group, a {@link MiniBatchGroupAggregateOperator#global}
     * merges the partials into the group's state and emits the changes.
     */
    private static ChangelogStream translateTwoPhase(Aggregate aggregate, DataStream<Row> rows,
            Accumulators accumulators, Duration stateTtl, MiniBatchOptions miniBatch) {
        int[] keys = aggregate.getGroupSet().toArray();
        RelDataType inputType = aggregate.getInput().getRowType();
        List<TypeInformation<?>> partialTypes = new ArrayList<>(List.of(RowTypes.of(inputType, keys).getFieldTypes()));
        partialTypes.add(accumulators.accumulatorType());
        RowTypeInfo partialType = new RowTypeInfo(partialTypes.toArray(TypeInformation<?>[]::new));
        DataStream<Row> partials = rows.transform("LocalGroupAggregate", partialType,
                        new LocalGroupAggregateOperator(accumulators, keys, miniBatch.latency(), miniBatch.size()))
                .setParallelism(rows.getParallelism());
        int[] partialKeys = java.util.stream.IntStream.range(0, keys.length).toArray();
        DataStream<Row> result = partials.keyBy(new KeyProjection(partialKeys), RowTypes.of(inputType, keys))
                .transform("GlobalGroupAggregate", RowTypes.of(aggregate.getRowType()),
                        MiniBatchGroupAggregateOperator.global(accumulators, stateTtl, miniBatch.latency(),
                                miniBatch.size(), keys.length));
        return new ChangelogStream(result, ChangelogMode.all(), StreamPlanTranslator.describe(aggregate));
    }

    /**
     * Whether split-distinct applies: at least one DISTINCT call, all of them of the same one
     * argument, every call a built-in COUNT, SUM of an exact number, MIN or MAX, none with FILTER.
     */
    private static boolean canSplitDistinct(List<AggregateCall> calls) {
        Integer distinctArgument = null;
        for (AggregateCall call : calls) {
            if (call.getAggregation() instanceof AggregateFunctionOperator || call.filterArg >= 0
                    || call.getArgList().size() > 1) {
                return false;
            }
            switch (call.getAggregation().getKind()) {
                case COUNT, MIN, MAX -> {
                }
                case SUM -> {
                    switch (call.getType().getSqlTypeName()) {
                        case FLOAT, REAL, DOUBLE -> {
                            return false; // partial sums would round differently
                        }
                        default -> {
                        }
                    }
                }
                default -> {
                    return false;
                }
            }
            if (call.isDistinct()) {
                if (call.getArgList().isEmpty()
                        || distinctArgument != null && !distinctArgument.equals(call.getArgList().get(0))) {
                    return false;
                }
                distinctArgument = call.getArgList().get(0);
            }
        }
        return distinctArgument != null;
    }

    /**
     * Split-distinct ({@code table.optimizer.distinct-agg.split.enabled}), as Flink splits it: the
     * aggregate runs first keyed by the grouping fields and a bucket of the distinct argument
     * ({@link DistinctBucketKey}; each value is counted in one bucket, so a hot group's distinct
     * values spread over many keys), then keyed by the grouping fields alone, where COUNTs and SUMs
     * are summed over the buckets and MIN/MAX taken over them (retracting as the buckets change).
     */
    private static ChangelogStream translateSplitDistinct(Aggregate aggregate, DataStream<Row> rows,
            boolean retracting, Duration stateTtl, MiniBatchOptions miniBatch) {
        int[] keys = aggregate.getGroupSet().toArray();
        RelDataType inputType = aggregate.getInput().getRowType();
        List<AggregateCall> calls = aggregate.getAggCallList();
        int distinctArgument = calls.stream().filter(AggregateCall::isDistinct).findFirst().orElseThrow()
                .getArgList().get(0);
        Accumulators partial = accumulators(calls, inputType, retracting);
        List<TypeInformation<?>> bucketKeyTypes = new ArrayList<>(List.of(RowTypes.of(inputType, keys).getFieldTypes()));
        bucketKeyTypes.add(io.weir.api.types.BasicTypeInfo.INT_TYPE_INFO);
        List<TypeInformation<?>> partialTypes = new ArrayList<>(bucketKeyTypes);
        List<BoundAggregate> finals = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            AggregateCall call = calls.get(i);
            TypeInformation<?> type = RowTypes.fieldType(call.getType());
            partialTypes.add(type);
            int field = keys.length + 1 + i;
            AggregateSlot slot = switch (call.getAggregation().getKind()) {
                case COUNT -> new SumSlot(NumericType.BIGINT, NumericType.BIGINT, 0, false);
                case SUM -> new SumSlot(numeric(call.getType(), call), numeric(call.getType(), call),
                        call.getType().getScale(), false);
                case MIN, MAX -> new RetractableMinMaxSlot(type, call.getAggregation().getKind() == SqlKind.MAX);
                default -> throw new IllegalStateException("not split: " + call);
            };
            finals.add(new BoundAggregate(slot, field, -1, false, type));
        }
        RowTypeInfo bucketKeyType = new RowTypeInfo(bucketKeyTypes.toArray(TypeInformation<?>[]::new));
        RowTypeInfo partialType = new RowTypeInfo(partialTypes.toArray(TypeInformation<?>[]::new));
        DataStream<Row> partials = groupAggregate(rows.keyBy(new DistinctBucketKey(keys, distinctArgument,
                miniBatch.splitDistinctBuckets()), bucketKeyType), partial, partialType, stateTtl, miniBatch,
                "DistinctPartialAggregate");
        int[] partialKeys = java.util.stream.IntStream.range(0, keys.length).toArray();
        DataStream<Row> result = groupAggregate(partials.keyBy(new KeyProjection(partialKeys),
                RowTypes.of(inputType, keys)), new Accumulators(finals), RowTypes.of(aggregate.getRowType()), stateTtl,
                miniBatch, "DistinctFinalAggregate");
        return new ChangelogStream(result, ChangelogMode.all(), StreamPlanTranslator.describe(aggregate));
    }

    /** A one-phase group aggregate, mini-batched if mini-batch is on. */
    private static DataStream<Row> groupAggregate(io.weir.api.datastream.KeyedStream<Row, Row> keyed,
            Accumulators accumulators, RowTypeInfo outputType, Duration stateTtl, MiniBatchOptions miniBatch,
            String name) {
        return miniBatch.enabled()
                ? keyed.transform(name, outputType, new MiniBatchGroupAggregateOperator(accumulators, stateTtl,
                        miniBatch.latency(), miniBatch.size()))
                : keyed.process(new GroupAggregateFunction(accumulators, stateTtl), outputType).name(name);
    }

    /** Whether an aggregate's calls can run sliced: all of them merge accumulators. */
    static boolean canSlice(Aggregate aggregate) {
        return accumulators(aggregate.getAggCallList(), aggregate.getInput().getRowType(), false).canMerge();
    }

    /** How many partial accumulators the local half of a sliced window aggregate holds at most. */
    private static final int MAX_LOCAL_PARTIALS = 16_384;

    /**
     * A window aggregate over TUMBLE/HOP/CUMULATE run sliced ({@link WindowSlicing}) and in two
     * phases, as Flink runs it: before the exchange a {@link LocalSliceAggregateOperator} sums each
     * (key, slice)'s rows into a partial accumulator; after it, keyed by the grouping fields other
     * than the window bounds, a {@link SlicedWindowAggregateFunction} merges the partials into
     * slices and the slices into windows.
     */
    static ChangelogStream translateSliced(Aggregate aggregate, WindowSlicing slicing, ChangelogStream slicedInput) {
        int[] keys = aggregate.getGroupSet().toArray();
        RelDataType inputType = aggregate.getInput().getRowType();
        Accumulators accumulators = accumulators(aggregate.getAggCallList(), inputType, false);
        int[] otherKeys = slicing.otherKeys(keys);
        WindowBounds bounds = slicing.bounds();
        int sliceEndField = keys[bounds.end()];
        List<TypeInformation<?>> partialTypes = new ArrayList<>(List.of(RowTypes.of(inputType, otherKeys).getFieldTypes()));
        partialTypes.add(RowTypes.of(inputType).getTypeAt(sliceEndField));
        partialTypes.add(accumulators.accumulatorType());
        RowTypeInfo partialType = new RowTypeInfo(partialTypes.toArray(TypeInformation<?>[]::new));
        DataStream<Row> rows = slicedInput.rows();
        DataStream<Row> partials = rows.transform("LocalWindowAggregate", partialType,
                        new LocalSliceAggregateOperator(accumulators, otherKeys, sliceEndField, MAX_LOCAL_PARTIALS))
                .setParallelism(rows.getParallelism());
        int[] partialKeys = java.util.stream.IntStream.range(0, otherKeys.length).toArray();
        return ChangelogStream.appendOnly(partials
                .keyBy(new KeyProjection(partialKeys), RowTypes.of(inputType, otherKeys))
                .process(SlicedWindowAggregateFunction.ofPartials(accumulators, slicing.slices(), otherKeys.length,
                        bounds.start(), bounds.end()), RowTypes.of(aggregate.getRowType()))
                .name("GlobalWindowAggregate"));
    }

    /**
     * Where a window aggregate finds its window's end: grouping key field {@code field} plus
     * {@code endOffset} ms; {@code hopSlide} is a legacy HOP's slide (its rows must first be put
     * into their windows), else 0.
     */
    private record WindowKey(int field, long endOffset, long hopSlide) {
    }

    /**
     * The window of an aggregate that groups by both {@code window_start} and {@code window_end}
     * ({@link WindowBounds}): its {@code window_end} key field. Otherwise null, and the aggregate is a
     * plain group aggregate over the windowed rows, as in Flink. A window aggregate of a window
     * aggregate's rows grouped by the same bounds (q5's largest count per window) is itself one: the
     * rows below come out when their window fires, before the watermark that fires the window above.
     */
    private static WindowKey windowKey(Aggregate aggregate) {
        WindowBounds bounds = WindowBounds.inKeys(aggregate.getInput(), aggregate.getGroupSet().toArray());
        return bounds == null ? null : new WindowKey(bounds.end(), 0, 0);
    }

    /**
     * The window of a legacy {@code GROUP BY TUMBLE(ts, size)} or {@code HOP(ts, slide, size)}: Calcite computes the window's start
     * as {@code $TUMBLE(ts, size)} in the projection below the aggregate (and TUMBLE_START/_END
     * from it above), so the window ends at that key field plus the size. {@code $HOP(ts, slide, size)}
     * is the row's time, which {@link GroupByHopFunction} turns into each of its windows' starts.
     */
    private static WindowKey legacyTumbleKey(Aggregate aggregate, int[] keys) {
        if (!(aggregate.getInput() instanceof LogicalCalc calc)) {
            return null;
        }
        for (int k = 0; k < keys.length; k++) {
            RexNode projected = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(keys[k]));
            if (projected instanceof RexCall call && call.getOperator().getName().equals("$TUMBLE")
                    && call.getOperands().get(0) instanceof RexInputRef time
                    && call.getOperands().get(1) instanceof RexLiteral size) {
                TableScanTranslator.requireRowtime(calc.getInput(), time.getIndex(), "TUMBLE");
                return new WindowKey(k, size.getValueAs(Long.class), 0);
            }
            if (projected instanceof RexCall call && call.getOperator().getName().equals("$HOP")
                    && call.getOperands().get(0) instanceof RexInputRef time
                    && call.getOperands().get(1) instanceof RexLiteral slide
                    && call.getOperands().get(2) instanceof RexLiteral size) {
                TableScanTranslator.requireRowtime(calc.getInput(), time.getIndex(), "HOP");
                long slideMillis = slide.getValueAs(Long.class);
                if (slideMillis <= 0) {
                    throw new ValidationException("HOP's slide must be positive, not " + slide
                            + "; write HOP(ts, slide, size) with a positive INTERVAL slide");
                }
                return new WindowKey(k, size.getValueAs(Long.class), slideMillis);
            }
        }
        return null;
    }

    /** A legacy {@code GROUP BY SESSION(ts, gap)}: the session's position among the grouping keys, and its gap. */
    private record SessionKey(int position, long gap) {

        int[] otherKeys(int[] keys) {
            int[] others = new int[keys.length - 1];
            for (int k = 0, o = 0; k < keys.length; k++) {
                if (k != position) {
                    others[o++] = keys[k];
                }
            }
            return others;
        }
    }

    /**
     * The session of a legacy {@code GROUP BY SESSION(ts, gap)}: Calcite groups by {@code $SESSION(ts, gap)}
     * computed in the projection below the aggregate (the row's time, see StrictOperators).
     */
    private static SessionKey legacySessionKey(Aggregate aggregate, int[] keys) {
        if (!(aggregate.getInput() instanceof LogicalCalc calc)) {
            return null;
        }
        for (int k = 0; k < keys.length; k++) {
            RexNode projected = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(keys[k]));
            if (projected instanceof RexCall call && call.getOperator().getName().equals("$SESSION")
                    && call.getOperands().get(0) instanceof RexInputRef time
                    && call.getOperands().get(1) instanceof RexLiteral gap) {
                TableScanTranslator.requireRowtime(calc.getInput(), time.getIndex(), "SESSION");
                return new SessionKey(k, gap.getValueAs(Long.class));
            }
        }
        return null;
    }

    /** The accumulators of aggregate calls over rows of {@code inputType} (also OVER aggregates' calls). */
    static Accumulators accumulators(List<AggregateCall> calls, RelDataType inputType, boolean retracting) {
        List<BoundAggregate> bound = new ArrayList<>();
        for (AggregateCall call : calls) {
            List<Integer> args = call.getArgList();
            if (call.getAggregation() instanceof AggregateFunctionOperator user) {
                bound.add(UserAggregates.bind(call, user, inputType, retracting));
                continue;
            }
            AggregateSlot collecting = CollectingAggregates.slot(call, inputType);
            if (collecting != null) {
                bound.add(BoundAggregate.ofArguments(collecting, args.stream().mapToInt(Integer::intValue).toArray(),
                        call.filterArg));
                continue;
            }
            if (args.size() > 1) {
                throw new ValidationException("Aggregate " + call + " takes " + args.size()
                        + " arguments; Weir runs aggregates of one argument (or COUNT(*))");
            }
            int argument = args.isEmpty() ? -1 : args.get(0);
            TypeInformation<?> argumentType = argument < 0 ? null
                    : RowTypes.fieldType(inputType.getFieldList().get(argument).getType());
            AggregateSlot slot = slot(call, argument < 0 ? null : inputType.getFieldList().get(argument).getType(),
                    argumentType, retracting);
            bound.add(new BoundAggregate(slot, argument, call.filterArg, call.isDistinct(), argumentType));
        }
        return new Accumulators(bound);
    }

    private static AggregateSlot slot(AggregateCall call, RelDataType argType, TypeInformation<?> argInfo,
            boolean retracting) {
        switch (call.getAggregation().getKind()) {
            case COUNT:
                return new CountSlot();
            case SUM, SUM0, AVG:
                // $SUM0 comes from SUM(x) OVER, which Calcite writes as CASE WHEN COUNT(x) > 0 THEN $SUM0(x):
                // the CASE already gives NULL where $SUM0 would give 0.
                boolean average = call.getAggregation().getKind() == SqlKind.AVG;
                return new SumSlot(numeric(argType, call), numeric(call.getType(), call), call.getType().getScale(),
                        average);
            case MIN, MAX:
                boolean max = call.getAggregation().getKind() == SqlKind.MAX;
                return retracting ? new RetractableMinMaxSlot(argInfo, max) : new MinMaxSlot(argInfo, max);
            default:
                break;
        }
        throw new ValidationException("Aggregate function " + call.getAggregation().getName()
                + " is not supported by Weir yet; COUNT, SUM, AVG, MIN and MAX run (docs/sql.md)");
    }

    private static NumericType numeric(RelDataType type, AggregateCall call) {
        return switch (type.getSqlTypeName()) {
            case TINYINT -> NumericType.TINYINT;
            case SMALLINT -> NumericType.SMALLINT;
            case INTEGER -> NumericType.INTEGER;
            case BIGINT -> NumericType.BIGINT;
            case FLOAT, REAL -> NumericType.FLOAT;
            case DOUBLE -> NumericType.DOUBLE;
            case DECIMAL -> NumericType.DECIMAL;
            default -> throw new ValidationException(call.getAggregation().getName() + " needs a numeric argument, not "
                    + type.getFullTypeString());
        };
    }
}
