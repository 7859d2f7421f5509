package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.weir.api.configuration.Configuration;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.Pipeline;
import io.weir.api.execution.PipelineExecutor;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.operators.AbstractUdfStreamOperator;
import io.weir.api.operators.OneInputStreamOperator;
import io.weir.api.operators.ProcessingTimeCallback;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamRecord;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.accumulators.TaskAccumulators;
import io.weir.runtime.exchange.LocalExchange;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobGraphBuilder;
import io.weir.runtime.graph.StreamGraphBuilder;
import io.weir.runtime.metrics.MetricRegistry;
import io.weir.runtime.metrics.ScopedMetricGroup;
import io.weir.runtime.operators.CopyFreeInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With object reuse off, a chained operator gets a copy of each record unless it promises to keep
 * and change none ({@link CopyFreeInput}). The chain here: an emitter that changes each row right
 * after emitting it (allowed without object reuse), a pass-through that makes the promise, and a
 * user's map that keeps every row it gets.
 */
@Timeout(30)
class ChainedRecordCopyTest {

    private static final RowTypeInfo ROW = new RowTypeInfo(BasicTypeInfo.LONG_TYPE_INFO);

    /** Emits {@code (value)}, then overwrites the emitted row's field with -1. */
    static final class ChangingEmitter extends KeyedProcessFunction<Long, Long, Row> {
        final List<Row> emitted = new ArrayList<>();

        @Override
        public void processElement(Long value, Context ctx, Collector<Row> out) {
            Row row = Row.of(value);
            emitted.add(row);
            out.collect(row);
            row.setField(0, -1L);
        }
    }

    /** Passes each row on unchanged; remembers (only for the test's identity checks) what it got. */
    static final class PassThrough implements MapFunction<Row, Row>, CopyFreeInput {
        final boolean promise;
        final List<Row> received = new ArrayList<>();

        PassThrough(boolean promise) {
            this.promise = promise;
        }

        @Override
        public Row map(Row row) {
            received.add(row);
            return row;
        }

        @Override
        public boolean acceptsSharedInput() {
            return promise;
        }
    }

    /** A user's operator that holds on to every row it gets (no promise). */
    static final class Holding implements MapFunction<Row, Row> {
        final List<Row> held = new ArrayList<>();

        @Override
        public Row map(Row row) {
            held.add(row);
            return row;
        }
    }

    @Test
    void anOperatorThatPromisesGetsTheEmittedRowAndAHoldingOneGetsACopy() throws Exception {
        OperatorChain chain = runChain(true);
        ChangingEmitter emitter = function(chain, 0);
        PassThrough passThrough = function(chain, 1);
        Holding holding = function(chain, 2);
        for (int i = 0; i < 3; i++) {
            assertSame(emitter.emitted.get(i), passThrough.received.get(i), "no copy into the promising operator");
            assertNotSame(passThrough.received.get(i), holding.held.get(i), "a copy into the holding operator");
        }
        // The emitter changed every row after emitting it; the held copies still have the values sent.
        assertEquals(List.of(Row.of(1L), Row.of(2L), Row.of(3L)), holding.held);
        assertEquals(List.of(Row.of(-1L), Row.of(-1L), Row.of(-1L)), emitter.emitted);
        chain.close();
    }

    @Test
    void withoutThePromiseEveryChainedOperatorGetsACopy() throws Exception {
        OperatorChain chain = runChain(false);
        ChangingEmitter emitter = function(chain, 0);
        PassThrough passThrough = function(chain, 1);
        for (int i = 0; i < 3; i++) {
            assertNotSame(emitter.emitted.get(i), passThrough.received.get(i));
        }
        assertEquals(List.of(Row.of(1L), Row.of(2L), Row.of(3L)), passThrough.received);
        chain.close();
    }

    /** Builds the chain after the keyBy (emitter, pass-through, holding map, sink) and feeds it 1, 2, 3. */
    @SuppressWarnings("unchecked")
    private static OperatorChain runChain(boolean promise) throws Exception {
        CapturingExecutor executor = new CapturingExecutor();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(executor, new Configuration());
        env.fromSequence(1, 3).keyBy(x -> x).process(new ChangingEmitter(), ROW)
                .map(new PassThrough(promise), ROW).map(new Holding(), ROW)
                .sinkTo(new DiscardingSink<>());
        env.executeAsync("copies");
        ClassLoader cl = ChainedRecordCopyTest.class.getClassLoader();
        JobGraph job = JobGraphBuilder.build(StreamGraphBuilder.build(executor.pipeline, cl), cl);
        TaskDeployment deployment = new TaskDeployment(job, job.getVertices().get(1), 0, 0);
        OperatorChain chain = new OperatorChain(deployment, new LocalExchange(), true, new OperatorChain.TaskServices(
                node -> null, new StoppedClock(), null, new TaskAccumulators(deployment.taskName()),
                ScopedMetricGroup.taskManager(MetricRegistry.unreported(), "localhost", "test").addJob("j", "j")
                        .addTask("t", deployment.taskName(), deployment.subtaskIndex(), 0)));
        assertEquals(4, chain.operators().size(), "emitter, pass-through, holding map and sink are chained");
        chain.open();
        OneInputStreamOperator<Long, Row> head = (OneInputStreamOperator<Long, Row>) chain.head();
        for (long v = 1; v <= 3; v++) {
            StreamRecord<Long> record = new StreamRecord<>(v, v);
            head.setKeyContextElement(record);
            head.processElement(record);
        }
        return chain;
    }

    @SuppressWarnings("unchecked")
    private static <F> F function(OperatorChain chain, int index) {
        StreamOperator<?> operator = chain.operators().get(index);
        return (F) ((AbstractUdfStreamOperator<?, ?>) operator).getUserFunction();
    }

    /** A clock that stands still: nothing here uses processing time. */
    private static final class StoppedClock implements ProcessingTimeService {
        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public void registerTimer(long time, ProcessingTimeCallback callback) {}
    }

    private static final class CapturingExecutor implements PipelineExecutor {
        Pipeline pipeline;

        @Override
        public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userClassLoader) {
            this.pipeline = pipeline;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public <T> CloseableIterator<T> collect(JobClient client, String collectId, TypeSerializer<T> serializer) {
            throw new UnsupportedOperationException();
        }
    }
}
