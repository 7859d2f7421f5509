package io.weir.sql.planner;

import io.weir.api.datastream.DataStream;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Row;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.AggregateSlot;
import io.weir.sql.runtime.agg.AverageOfPartialsSlot;
import io.weir.sql.udf.AggregateFunctionOperator;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.CountSlot;
import io.weir.sql.runtime.agg.DistinctBucketKey;
import io.weir.sql.runtime.agg.ExpandFunction;
import io.weir.sql.runtime.agg.GroupingProjection;
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
import io.weir.sql.types.LogicalType.TimeAttribute;
import io.weir.sql.parser.StatementPlaces;
import io.weir.sql.parser.StatementPlaces.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
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
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE || hasGroupingCalls(aggregate)) {
            return translateGroupingSets(aggregate, input, stateTtl, miniBatch);
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
        SessionKey session = window == null ? legacySessionKey(aggregate, keys) : null;
        if (window != null && window.processingTime() || session != null && session.processingTime()) {
            if (!input.mode().isInsertOnly()) {
                throw StatementPlaces.error(Subject.groupBy(), "A window aggregate needs append-only input, but its input has updates "
                        + "from " + input.updatingNode() + "; aggregate the rows before they are updated");
            }
            RowTypeInfo rowType = RowTypes.of(inputType);
            ProcTimeWindows.Plan plan = ProcTimeWindows.plan(aggregate, keys, accumulators,
                    legacyProcessingTime(window, session), rowType, false);
            return ChangelogStream.appendOnly(rows.keyBy(new KeyProjection(plan.keyFields()), plan.keyType(rowType))
                    .process(plan.function(), outputType).name(plan.name()));
        }
        if (window != null && window.hopSlide() > 0) {
            // Legacy HOP: one copy of each row per window, its $HOP field (the row's time) set to the window's start.
            rows = rows.flatMap(new GroupByHopFunction(keys[window.field()], window.hopSlide(), window.endOffset(),
                            window.offset(), window.zone()),
                            RowTypes.of(inputType))
                    .name("GroupByHop").setParallelism(rows.getParallelism());
        }
        if ((window != null || session != null) && !input.mode().isInsertOnly()) {
            throw StatementPlaces.error(Subject.groupBy(), "A window aggregate needs append-only input, but its input has updates "
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
                throw StatementPlaces.error(Subject.groupBy(), "A window aggregate needs append-only input, but its input has updates "
                        + "from " + input.updatingNode() + "; aggregate the rows before they are updated");
            }
            return ChangelogStream.appendOnly(rows.keyBy(new KeyProjection(keys), keyType)
                    .process(new WindowAggregateFunction(accumulators, window.field(), window.endOffset(), window.zone()), outputType)
                    .name("WindowAggregate"));
        }
        if (miniBatch.splitDistinctBuckets() > 0 && canSplitDistinct(aggregate.getAggCallList())) {
            return translateSplitDistinct(aggregate, rows, retracting, stateTtl, miniBatch);
        }
        if (miniBatch.enabled() && miniBatch.twoPhase() && accumulators.canMerge()) {
            return translateTwoPhase(aggregate, rows, accumulators, retracting, stateTtl, miniBatch);
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
     * merges the partials into the group's state and emits the changes. Over input with updates the
     * local half retracts {@code -U}/{@code -D} rows from its partials ({@link Accumulators#asPartial}:
     * row counts and sums may go negative, a MIN/MAX or DISTINCT value's count too), which the
     * global half's merge applies, as Flink's local aggregate counts retractions in its accumulators.
     */
    private static ChangelogStream translateTwoPhase(Aggregate aggregate, DataStream<Row> rows,
            Accumulators accumulators, boolean retracting, Duration stateTtl, MiniBatchOptions miniBatch) {
        int[] keys = aggregate.getGroupSet().toArray();
        RelDataType inputType = aggregate.getInput().getRowType();
        List<TypeInformation<?>> partialTypes = new ArrayList<>(List.of(RowTypes.of(inputType, keys).getFieldTypes()));
        partialTypes.add(accumulators.accumulatorType());
        RowTypeInfo partialType = new RowTypeInfo(partialTypes.toArray(TypeInformation<?>[]::new));
        DataStream<Row> partials = rows.transform("LocalGroupAggregate", partialType,
                        new LocalGroupAggregateOperator(retracting ? accumulators.asPartial() : accumulators, keys,
                                miniBatch.latency(), miniBatch.size()))
                .setParallelism(rows.getParallelism());
        int[] partialKeys = java.util.stream.IntStream.range(0, keys.length).toArray();
        DataStream<Row> result = partials.keyBy(new KeyProjection(partialKeys), RowTypes.of(inputType, keys))
                .transform("GlobalGroupAggregate", RowTypes.of(aggregate.getRowType()),
                        MiniBatchGroupAggregateOperator.global(accumulators, stateTtl, miniBatch.latency(),
                                miniBatch.size(), keys.length));
        return new ChangelogStream(result, ChangelogMode.all(), StreamPlanTranslator.describe(aggregate));
    }

    /**
     * {@code GROUPING SETS}, {@code ROLLUP} and {@code CUBE}, as Flink runs them: an
     * {@link ExpandFunction} sends each row (retractions too) once per grouping set, with the fields
     * outside the set NULL and the set's number {@code $e} appended; one group aggregate keyed by
     * all grouping fields and {@code $e} (mini-batched if mini-batch is on) aggregates every set; a
     * {@link GroupingProjection} drops {@code $e} and computes {@code GROUPING()}/{@code GROUPING_ID()}
     * from it.
     */
    private static ChangelogStream translateGroupingSets(Aggregate aggregate, ChangelogStream input,
            Duration stateTtl, MiniBatchOptions miniBatch) {
        int[] keys = aggregate.getGroupSet().toArray();
        List<org.apache.calcite.util.ImmutableBitSet> sets = aggregate.getGroupSets();
        // Over a window (a window table function's bounds, a legacy TUMBLE/HOP/SESSION), as in Flink:
        // the window is in every set, Expand runs before the window aggregate, which keys by $e too.
        WindowKey window = windowKey(aggregate);
        int[] windowKeys = window == null ? null
                : WindowBounds.inKeys(aggregate.getInput(), keys) == null ? new int[] {window.field()}
                : new int[] {WindowBounds.inKeys(aggregate.getInput(), keys).start(), window.field()};
        if (window == null) {
            window = legacyTumbleKey(aggregate, keys);
            windowKeys = window == null ? null : new int[] {window.field()};
        }
        SessionKey session = window == null ? legacySessionKey(aggregate, keys) : null;
        if (session != null) {
            windowKeys = new int[] {session.position()};
        }
        if (windowKeys != null) {
            for (org.apache.calcite.util.ImmutableBitSet set : sets) {
                for (int k : windowKeys) {
                    if (!set.get(keys[k])) {
                        throw StatementPlaces.error(Subject.groupBy(), "A window aggregate with GROUPING SETS, ROLLUP or CUBE needs the "
                                + "window in every grouping set, as in Flink: write GROUP BY window_start, window_end, "
                                + "GROUPING SETS (...) (or GROUP BY TUMBLE(...), ROLLUP (...)), but the set "
                                + setNames(aggregate, set) + " leaves it out");
                    }
                }
            }
            if (!input.mode().isInsertOnly()) {
                throw StatementPlaces.error(Subject.groupBy(), "A window aggregate needs append-only input, but its input has updates "
                        + "from " + input.updatingNode() + "; aggregate the rows before they are updated");
            }
        }
        RelDataType inputType = aggregate.getInput().getRowType();
        int[][] nulled = new int[sets.size()][];
        for (int s = 0; s < sets.size(); s++) {
            org.apache.calcite.util.ImmutableBitSet set = sets.get(s);
            nulled[s] = java.util.Arrays.stream(keys).filter(k -> !set.get(k)).toArray();
        }
        List<AggregateCall> calls = aggregate.getAggCallList();
        List<AggregateCall> valueCalls = new ArrayList<>();
        int[] positions = new int[calls.size()];
        Object[][] grouping = new Object[calls.size()][];
        for (int c = 0; c < calls.size(); c++) {
            AggregateCall call = calls.get(c);
            SqlKind kind = call.getAggregation().getKind();
            if (kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID) {
                positions[c] = -1;
                grouping[c] = new Object[sets.size()];
                for (int s = 0; s < sets.size(); s++) {
                    long value = 0;
                    for (int argument : call.getArgList()) {
                        value = value << 1 | (sets.get(s).get(argument) ? 0 : 1);
                    }
                    grouping[c][s] = call.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.INTEGER
                            ? (Object) (int) value : (Object) value;
                }
            } else if (kind == SqlKind.GROUP_ID) {
                // As in Flink (and Oracle): which occurrence of a grouping set listed more than once, from 0.
                positions[c] = -1;
                grouping[c] = new Object[sets.size()];
                for (int s = 0; s < sets.size(); s++) {
                    long occurrence = sets.subList(0, s).stream().filter(sets.get(s)::equals).count();
                    grouping[c][s] = call.getType().getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.INTEGER
                            ? (Object) (int) occurrence : (Object) occurrence;
                }
            } else {
                positions[c] = valueCalls.size();
                valueCalls.add(call);
            }
        }
        Accumulators accumulators = accumulators(valueCalls, inputType, input.mode().hasRetractions());
        List<TypeInformation<?>> expandedTypes = new ArrayList<>(List.of(RowTypes.of(inputType).getFieldTypes()));
        expandedTypes.add(io.weir.api.types.BasicTypeInfo.INT_TYPE_INFO);
        List<TypeInformation<?>> keyTypes = new ArrayList<>(List.of(RowTypes.of(inputType, keys).getFieldTypes()));
        keyTypes.add(io.weir.api.types.BasicTypeInfo.INT_TYPE_INFO);
        List<TypeInformation<?>> aggregatedTypes = new ArrayList<>(keyTypes);
        valueCalls.forEach(call -> aggregatedTypes.add(RowTypes.fieldType(call.getType())));
        int[] expandedKeys = java.util.stream.IntStream.concat(java.util.Arrays.stream(keys),
                java.util.stream.IntStream.of(inputType.getFieldCount())).toArray();
        DataStream<Row> rows = input.rows();
        boolean processingTime = window != null && window.processingTime() || session != null && session.processingTime();
        if (window != null && window.hopSlide() > 0 && !processingTime) {
            // Legacy HOP: one copy of each row per window first, as without grouping sets.
            rows = rows.flatMap(new GroupByHopFunction(keys[window.field()], window.hopSlide(), window.endOffset(),
                            window.offset(), window.zone()), RowTypes.of(inputType))
                    .name("GroupByHop").setParallelism(rows.getParallelism());
        }
        RowTypeInfo expandedType = new RowTypeInfo(expandedTypes.toArray(TypeInformation<?>[]::new));
        DataStream<Row> expanded = rows.flatMap(new ExpandFunction(nulled), expandedType)
                .setParallelism(rows.getParallelism()).name("Expand");
        RowTypeInfo keyType = new RowTypeInfo(keyTypes.toArray(TypeInformation<?>[]::new));
        RowTypeInfo aggregatedType = new RowTypeInfo(aggregatedTypes.toArray(TypeInformation<?>[]::new));
        DataStream<Row> aggregated;
        if (processingTime) {
            // The window's key positions are unchanged, $e is one more key beside the other keys.
            ProcTimeWindows.Plan plan = ProcTimeWindows.plan(aggregate, expandedKeys, accumulators,
                    legacyProcessingTime(window, session), expandedType, true);
            aggregated = expanded.keyBy(new KeyProjection(plan.keyFields()), plan.keyType(expandedType))
                    .process(plan.function(), aggregatedType).name(plan.name());
        } else if (window != null) {
            // The window's key position is unchanged: $e comes after the grouping fields.
            aggregated = expanded.keyBy(new KeyProjection(expandedKeys), keyType)
                    .process(new WindowAggregateFunction(accumulators, window.field(), window.endOffset(), window.zone()),
                            aggregatedType)
                    .name("WindowAggregate");
        } else if (session != null) {
            int[] otherKeys = session.otherKeys(expandedKeys);
            aggregated = expanded.keyBy(new KeyProjection(otherKeys), new RowTypeInfo(java.util.Arrays.stream(otherKeys).mapToObj(expandedTypes::get)
                            .toArray(TypeInformation<?>[]::new)))
                    .process(new SessionWindowAggregateFunction(accumulators, expandedKeys, session.position(),
                            session.gap(), expandedType), aggregatedType)
                    .name("SessionWindowAggregate");
        } else {
            aggregated = groupAggregate(expanded.keyBy(new KeyProjection(expandedKeys), keyType), accumulators,
                    aggregatedType, stateTtl, miniBatch, "GroupAggregate");
        }
        DataStream<Row> result = aggregated.map(new GroupingProjection(keys.length, positions, grouping),
                RowTypes.of(aggregate.getRowType())).setParallelism(aggregated.getParallelism()).name("GroupingSets");
        if (windowKeys != null) {
            return ChangelogStream.appendOnly(result);
        }
        return new ChangelogStream(result, ChangelogMode.all(), StreamPlanTranslator.describe(aggregate));
    }

    /**
     * Whether split-distinct applies: at least one DISTINCT call, all of them of the same one
     * argument, every call a built-in COUNT, SUM or AVG of an exact number, MIN or MAX, with or
     * without FILTER.
     */
    private static boolean canSplitDistinct(List<AggregateCall> calls) {
        Integer distinctArgument = null;
        for (AggregateCall call : calls) {
            if (call.getAggregation() instanceof AggregateFunctionOperator || call.getArgList().size() > 1) {
                return false;
            }
            switch (call.getAggregation().getKind()) {
                case COUNT, MIN, MAX -> {
                }
                case SUM, AVG -> {
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
     * An AVG is a SUM and a COUNT per bucket, added up and divided at the second level
     * ({@link AverageOfPartialsSlot}); a FILTER applies at the first level.
     */
    private static ChangelogStream translateSplitDistinct(Aggregate aggregate, DataStream<Row> rows,
            boolean retracting, Duration stateTtl, MiniBatchOptions miniBatch) {
        int[] keys = aggregate.getGroupSet().toArray();
        RelDataType inputType = aggregate.getInput().getRowType();
        List<AggregateCall> calls = aggregate.getAggCallList();
        int distinctArgument = calls.stream().filter(AggregateCall::isDistinct).findFirst().orElseThrow()
                .getArgList().get(0);
        List<BoundAggregate> partialCalls = new ArrayList<>();
        List<TypeInformation<?>> bucketKeyTypes = new ArrayList<>(List.of(RowTypes.of(inputType, keys).getFieldTypes()));
        bucketKeyTypes.add(io.weir.api.types.BasicTypeInfo.INT_TYPE_INFO);
        List<TypeInformation<?>> partialTypes = new ArrayList<>(bucketKeyTypes);
        List<BoundAggregate> finals = new ArrayList<>();
        for (AggregateCall call : calls) {
            TypeInformation<?> type = RowTypes.fieldType(call.getType());
            int field = keys.length + 1 + partialCalls.size();
            if (call.getAggregation().getKind() == SqlKind.AVG) {
                // Per bucket the SUM (as BIGINT or the argument's DECIMAL) and the COUNT of the values.
                int argument = call.getArgList().get(0);
                RelDataType argumentType = inputType.getFieldList().get(argument).getType();
                TypeInformation<?> argumentInfo = RowTypes.fieldType(argumentType);
                NumericType argumentNumeric = numeric(argumentType, call);
                NumericType partialSum = argumentNumeric == NumericType.DECIMAL ? NumericType.DECIMAL : NumericType.BIGINT;
                partialCalls.add(new BoundAggregate(new SumSlot(argumentNumeric, partialSum, argumentType.getScale(), false),
                        argument, call.filterArg, call.isDistinct(), argumentInfo));
                partialCalls.add(new BoundAggregate(new CountSlot(), argument, call.filterArg, call.isDistinct(),
                        argumentInfo));
                partialTypes.add(partialSum == NumericType.DECIMAL ? io.weir.api.types.BasicTypeInfo.BIG_DEC_TYPE_INFO
                        : io.weir.api.types.BasicTypeInfo.LONG_TYPE_INFO);
                partialTypes.add(io.weir.api.types.BasicTypeInfo.LONG_TYPE_INFO);
                finals.add(BoundAggregate.ofArguments(new AverageOfPartialsSlot(argumentNumeric,
                        numeric(call.getType(), call), call.getType().getScale()), new int[] {field, field + 1}, -1));
                continue;
            }
            partialCalls.addAll(accumulators(List.of(call), inputType, retracting).aggregates());
            partialTypes.add(type);
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
                miniBatch.splitDistinctBuckets()), bucketKeyType), new Accumulators(partialCalls), partialType, stateTtl,
                miniBatch,
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

    /** Whether an aggregate calls GROUPING, GROUPING_ID or GROUP_ID, which the grouping-sets translation computes. */
    private static boolean hasGroupingCalls(Aggregate aggregate) {
        return aggregate.getAggCallList().stream().map(call -> call.getAggregation().getKind())
                .anyMatch(kind -> kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID);
    }

    /** The grouping fields of {@code set} by name, for messages: {@code (supplier, item)}. */
    private static String setNames(Aggregate aggregate, org.apache.calcite.util.ImmutableBitSet set) {
        List<String> names = aggregate.getInput().getRowType().getFieldNames();
        return "(" + String.join(", ", set.asList().stream().map(names::get).toList()) + ")";
    }

    /** Whether an aggregate's calls can run sliced: all of them merge accumulators. */
    static boolean canSlice(Aggregate aggregate) {
        if (hasGroupingCalls(aggregate)) {
            return false;
        }
        return accumulators(aggregate.getAggCallList(), aggregate.getInput().getRowType(), false).canMerge();
    }

    /** Whether every field of {@code rowType} holds an immutable value (not a row, array, map, multiset or bytes). */
    static boolean immutableValues(RelDataType rowType) {
        for (org.apache.calcite.rel.type.RelDataTypeField field : rowType.getFieldList()) {
            switch (field.getType().getSqlTypeName()) {
                case ROW, ARRAY, MAP, MULTISET, BINARY, VARBINARY, ANY, STRUCTURED, OTHER, DISTINCT -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return true;
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
                        new LocalSliceAggregateOperator(accumulators, otherKeys, sliceEndField, MAX_LOCAL_PARTIALS,
                                immutableValues(inputType)))
                .setParallelism(rows.getParallelism());
        int[] partialKeys = java.util.stream.IntStream.range(0, otherKeys.length).toArray();
        return ChangelogStream.appendOnly(partials
                .keyBy(new KeyProjection(partialKeys), RowTypes.of(inputType, otherKeys))
                .process(SlicedWindowAggregateFunction.ofPartials(accumulators, slicing.slices(), otherKeys.length,
                        bounds.start(), bounds.end(), bounds.zone()), RowTypes.of(aggregate.getRowType()))
                .name("GlobalWindowAggregate"));
    }

    /**
     * Where a window aggregate finds its window's end: grouping key field {@code field} plus
     * {@code endOffset} ms; {@code hopSlide} is a legacy HOP's slide (its rows must first be put
     * into their windows), else 0, and {@code offset} a legacy window's offset ({@code HOP(ts, slide,
     * size, TIME '00:12:00')}); {@code processingTime} whether the window is over a processing-time
     * attribute (fired by processing-time timers) rather than a rowtime (fired by the watermark).
     */
    private record WindowKey(int field, long endOffset, long hopSlide, long offset, boolean processingTime,
            java.time.ZoneId zone) {

        WindowKey(int field, long endOffset) {
            this(field, endOffset, 0, 0, false, null);
        }

        WindowKey(int field, long endOffset, long hopSlide, long offset, boolean processingTime) {
            this(field, endOffset, hopSlide, offset, processingTime, null);
        }
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
        return bounds == null ? null
                : new WindowKey(bounds.end(), 0, 0, 0, overProcessingTime(aggregate.getInput()), bounds.zone());
    }

    /**
     * Whether {@code node}'s rows come (through projections and filters) from a window table function
     * over a processing-time attribute, {@code TUMBLE(TABLE t, DESCRIPTOR(pt), ...)} with {@code pt}
     * computed by {@code PROCTIME()}: its windows fire on processing-time timers (Nexmark q12).
     */
    static boolean overProcessingTime(RelNode node) {
        LogicalTableFunctionScan scan = windowFunction(node);
        return scan != null && ((RexCall) scan.getCall()).getOperands().get(0) instanceof RexCall descriptor
                && descriptor.getOperands().get(0) instanceof RexInputRef time
                && TemporalTables.timeAttribute(scan.getInputs().get(0), time.getIndex()) == TimeAttribute.PROCTIME;
    }

    /** The window table function {@code node}'s rows come from through projections and filters, or null. */
    static LogicalTableFunctionScan windowFunction(RelNode node) {
        while (node instanceof LogicalCalc calc) {
            node = calc.getInput();
        }
        return node instanceof LogicalTableFunctionScan scan && StreamPlanTranslator.isWindowFunction(scan) ? scan : null;
    }

    /** A legacy window over processing time for {@link ProcTimeWindows}; null for a window table function's. */
    private static ProcTimeWindows.GroupWindow legacyProcessingTime(WindowKey window, SessionKey session) {
        if (session != null) {
            return new ProcTimeWindows.GroupWindow(session.position(), 0, 0, 0, session.gap());
        }
        if (window.endOffset() == 0) {
            return null; // a window table function's: its bounds are grouping keys
        }
        return new ProcTimeWindows.GroupWindow(window.field(), window.endOffset(),
                window.hopSlide() > 0 ? window.hopSlide() : window.endOffset(), window.offset(), 0);
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
                    && call.getOperands().get(1) instanceof RexLiteral size) {
                long sizeMillis = size.getValueAs(Long.class);
                if (sizeMillis <= 0) {
                    throw StatementPlaces.error(Subject.call("TUMBLE"), "TUMBLE's size must be positive, not " + size
                            + "; write TUMBLE(ts, size) with a positive INTERVAL size");
                }
                long offset = call.getOperands().size() > 2 ? timeOfDayMillis(call.getOperands().get(2), "TUMBLE") : 0;
                return new WindowKey(k, sizeMillis, 0, offset,
                        processingTime(calc, call.getOperands().get(0), "TUMBLE"), wallTimeZone(calc, call));
            }
            if (projected instanceof RexCall call && call.getOperator().getName().equals("$HOP")
                    && call.getOperands().get(1) instanceof RexLiteral slide
                    && call.getOperands().get(2) instanceof RexLiteral size) {
                boolean processingTime = processingTime(calc, call.getOperands().get(0), "HOP");
                long slideMillis = slide.getValueAs(Long.class);
                if (slideMillis <= 0 || size.getValueAs(Long.class) <= 0) {
                    throw StatementPlaces.error(Subject.call("HOP"), "HOP's slide and size must be positive, not " + slide + " and "
                            + size + "; write HOP(ts, slide, size) with positive INTERVALs");
                }
                long offset = call.getOperands().size() > 3 ? timeOfDayMillis(call.getOperands().get(3), "HOP") : 0;
                return new WindowKey(k, size.getValueAs(Long.class), slideMillis, offset, processingTime,
                        wallTimeZone(calc, call));
            }
        }
        return null;
    }

    /**
     * The zone whose wall time a legacy TUMBLE or HOP over a TIMESTAMP_LTZ time cuts: the session time
     * zone, as in Flink (null for UTC, and over a TIMESTAMP, whose windows are aligned to the epoch).
     */
    private static java.time.ZoneId wallTimeZone(LogicalCalc calc, RexCall window) {
        return window.getOperands().get(0).getType().getSqlTypeName()
                == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                ? ProcTimeWindows.zone(calc.getCluster()) : null;
    }

    /** A legacy {@code GROUP BY SESSION(ts, gap)}: the session's position among the grouping keys, and its gap. */
    private record SessionKey(int position, long gap, boolean processingTime) {

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
                    && call.getOperands().get(1) instanceof RexLiteral gap) {
                return new SessionKey(k, gap.getValueAs(Long.class),
                        processingTime(calc, call.getOperands().get(0), "SESSION"));
            }
        }
        return null;
    }

    /**
     * Whether a legacy window's time operand is a processing-time attribute ({@code PROCTIME()} or
     * a column computed by it); otherwise it must be a rowtime attribute, or the query is refused.
     */
    private static boolean processingTime(LogicalCalc calc, RexNode time, String window) {
        if (time instanceof RexCall call && call.getOperator().getName().equals(ProctimeFunction.NAME)) {
            return true;
        }
        if (time instanceof RexCall call && call.getOperator().getName().equals(WindowTimeFunctions.WINDOW_ROWTIME)) {
            return false; // a window's TUMBLE_ROWTIME (or HOP's, SESSION's), computed in the same projection
        }
        if (!(time instanceof RexInputRef ref)) {
            throw StatementPlaces.error(Subject.call(window), window + "(" + time + ", ...) needs a time attribute as its first argument: "
                    + "a rowtime column (declared with WATERMARK FOR) or a processing-time column (PROCTIME())");
        }
        if (TemporalTables.timeAttribute(calc.getInput(), ref.getIndex()) == TimeAttribute.PROCTIME) {
            return true;
        }
        TableScanTranslator.requireRowtime(calc.getInput(), ref.getIndex(), window);
        return false;
    }

    /** The milliseconds of the day of a window's offset argument, a {@code TIME} literal. */
    private static long timeOfDayMillis(RexNode offset, String window) {
        if (offset instanceof RexLiteral literal && literal.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.TIME) {
            return literal.getValueAs(org.apache.calcite.util.TimeString.class).getMillisOfDay();
        }
        throw StatementPlaces.error(Subject.call(window), window + "'s offset must be a TIME literal (TIME '00:12:00'), not " + offset);
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
            if (call.getAggregation() instanceof PercentileFunction) {
                int[] arguments = args.stream().mapToInt(Integer::intValue).toArray();
                AggregateSlot percentile = new io.weir.sql.runtime.agg.PercentileSlot(PercentileFunction.arrayPercentage(
                        inputType.getFieldList().get(args.get(1)).getType()));
                bound.add(call.isDistinct()
                        ? BoundAggregate.ofDistinctArguments(percentile, arguments, call.filterArg,
                                CollectingAggregates.argumentTypes(call, inputType))
                        : BoundAggregate.ofArguments(percentile, arguments, call.filterArg));
                continue;
            }
            AggregateSlot collecting = CollectingAggregates.slot(call, inputType);
            if (collecting != null) {
                int[] arguments = args.stream().mapToInt(Integer::intValue).toArray();
                bound.add(call.isDistinct()
                        ? BoundAggregate.ofDistinctArguments(collecting, arguments, call.filterArg,
                                CollectingAggregates.argumentTypes(call, inputType))
                        : BoundAggregate.ofArguments(collecting, arguments, call.filterArg));
                continue;
            }
            if (args.size() > 1) {
                throw StatementPlaces.error(Subject.call(call.getAggregation().getName()), "Aggregate " + call + " takes " + args.size()
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
            case COLLECT:
                return new io.weir.sql.runtime.agg.CollectSlot(argInfo);
            default:
                break;
        }
        if (call.getAggregation() instanceof FirstLastValueFunction firstLast) {
            return new io.weir.sql.runtime.agg.FirstLastValueSlot(argInfo, firstLast.last(), retracting);
        }
        throw StatementPlaces.error(Subject.call(call.getAggregation().getName()), "Aggregate function " + call.getAggregation().getName()
                + " is not supported by Weir yet; see docs/sql.md for the aggregate functions that run");
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
            default -> throw StatementPlaces.error(Subject.call(call.getAggregation().getName()), call.getAggregation().getName() + " needs a numeric argument, not "
                    + type.getFullTypeString());
        };
    }
}
