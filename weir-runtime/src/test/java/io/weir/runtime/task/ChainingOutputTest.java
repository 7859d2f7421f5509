package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.weir.api.functions.OutputTag;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.Input;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one chaining output feeds a one-input operator (its own {@link Input}) and an input of a
 * multiple-input operator (a chained source's) the same way: key context, then the element;
 * watermarks and statuses; a copy per record when it is given a copier; side outputs by tag.
 */
@Timeout(30)
class ChainingOutputTest {
    private static final TypeSerializer<Row> ROWS =
            new RowTypeInfo(BasicTypeInfo.LONG_TYPE_INFO).createSerializer(new SerializerConfig());

    /** An input that logs every call and keeps every element it got. */
    static final class LoggingInput<T> implements Input<T> {
        final List<String> calls = new ArrayList<>();
        final List<T> values = new ArrayList<>();

        @Override
        public void processElement(StreamRecord<T> element) {
            calls.add("element " + element.getValue() + "@" + element.getTimestamp());
            values.add(element.getValue());
        }

        @Override
        public void processWatermark(Watermark mark) {
            calls.add("watermark " + mark.getTimestamp());
        }

        @Override
        public void processWatermarkStatus(WatermarkStatus watermarkStatus) {
            calls.add("status " + watermarkStatus.isIdle());
        }

        @Override
        public void setKeyContextElement(StreamRecord<T> record) {
            calls.add("key " + record.getValue());
        }
    }

    /** A one-input operator handed to the output as an {@link Input}: its key context call leads to setKeyContextElement1. */
    static final class KeyLoggingOperator extends AbstractStreamOperator<Long> implements OneInputStreamOperator<Long, Long> {
        final List<String> calls = new ArrayList<>();

        @Override
        public void setKeyContextElement1(StreamRecord<?> record) {
            calls.add("key1 " + record.getValue());
        }

        @Override
        public void processElement(StreamRecord<Long> element) {
            calls.add("element " + element.getValue());
        }

        @Override
        public void processWatermark(Watermark mark) {
            calls.add("watermark " + mark.getTimestamp());
        }
    }

    @Test
    void feedsAnInputKeyFirstWithRecordsWatermarksAndStatuses() {
        LoggingInput<Long> input = new LoggingInput<>();
        ChainingOutput<Long> output = new ChainingOutput<>(input, "next", null, null);
        output.collect(new StreamRecord<>(7L, 70));
        output.emitWatermark(new Watermark(71));
        output.emitWatermarkStatus(WatermarkStatus.IDLE);
        assertEquals(List.of("key 7", "element 7@70", "watermark 71", "status true"), input.calls);
        assertEquals(1, output.recordsOut());
        assertEquals(71, output.lastWatermark());
    }

    @Test
    void aOneInputOperatorIsItsOwnInput() {
        KeyLoggingOperator operator = new KeyLoggingOperator();
        Input<Long> asInput = operator;
        ChainingOutput<Long> output = new ChainingOutput<>(asInput, "operator", null, null);
        output.collect(new StreamRecord<>(3L, 30));
        output.emitWatermark(new Watermark(31));
        assertEquals(List.of("key1 3", "element 3", "watermark 31"), operator.calls);
    }

    @Test
    void copiesEachRecordWhenGivenACopierAndPassesItOtherwise() {
        Row row = Row.of(1L);
        LoggingInput<Row> copied = new LoggingInput<>();
        new ChainingOutput<>(copied, "copied", ROWS, null).collect(new StreamRecord<>(row, 1));
        LoggingInput<Row> shared = new LoggingInput<>();
        new ChainingOutput<>(shared, "shared", null, null).collect(new StreamRecord<>(row, 1));
        assertNotSame(row, copied.values.get(0));
        assertEquals(row, copied.values.get(0));
        assertSame(row, shared.values.get(0));
    }

    @Test
    void takesOnlyTheRecordsOfItsOwnOutput() {
        OutputTag<Long> late = new OutputTag<>("late", Types.LONG);
        LoggingInput<Long> main = new LoggingInput<>();
        LoggingInput<Long> side = new LoggingInput<>();
        ChainingOutput<Long> mainOutput = new ChainingOutput<>(main, "main", null, null);
        ChainingOutput<Long> sideOutput = new ChainingOutput<>(side, "side", null, late);
        for (ChainingOutput<Long> output : List.of(mainOutput, sideOutput)) {
            output.collect(new StreamRecord<>(1L, 1));
            output.collect(late, new StreamRecord<>(2L, 2));
            output.collect(new OutputTag<>("other", Types.LONG), new StreamRecord<>(3L, 3));
        }
        assertEquals(List.of(1L), main.values);
        assertEquals(List.of(2L), side.values);
    }
}
