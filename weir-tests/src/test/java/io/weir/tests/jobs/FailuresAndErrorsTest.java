package io.weir.tests.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobExecutionException;
import io.weir.api.functions.MapFunction;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.InvalidTypesException;
import io.weir.runtime.configuration.TaskManagerOptions;
import io.weir.testutils.MiniClusterExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A failing function fails the job with the user's exception as cause; user mistakes get clear messages. */
class FailuresAndErrorsTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    /** The user's own exception type, so the test can find it in the cause chain. */
    static final class BadRecordException extends RuntimeException {
        BadRecordException(String message) {
            super(message);
        }
    }

    @Test
    void userExceptionIsTheCauseOfTheJobFailure() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.fromSequence(1, 10_000)
                .map(x -> {
                    if (x == 5_000) {
                        throw new BadRecordException("record " + x + " is bad");
                    }
                    return x;
                })
                .rebalance()
                .map(x -> x + 1)
                .sinkTo(new io.weir.api.connector.sink.DiscardingSink<>());
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("failing"));
        assertTrue(e.getCause() instanceof BadRecordException, "cause: " + e.getCause());
        assertEquals("record 5000 is bad", e.getCause().getMessage());
        assertTrue(e.getMessage().contains("Map"), e.getMessage());
    }

    @Test
    void failingFunctionInsideAChainIsUnwrapped() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        IllegalArgumentException userError = new IllegalArgumentException("boom");
        env.fromSequence(1, 10)
                .map(x -> x)
                .filter(x -> {
                    throw new IllegalArgumentException("boom");
                })
                .print();
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute());
        assertEquals(userError.getClass(), e.getCause().getClass());
        assertEquals("boom", e.getCause().getMessage());
    }

    @Test
    void executeWithoutSinkSaysWhatToAdd() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.fromSequence(1, 10).map(x -> x);
        IllegalStateException e = assertThrows(IllegalStateException.class, env::execute);
        assertTrue(e.getMessage().contains("print()") && e.getMessage().contains("sinkTo"), e.getMessage());
    }

    @Test
    void parallelismAboveTheSlotsSaysWhatIsAvailable() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(8);
        env.fromSequence(1, 10).print();
        JobExecutionException e = assertThrows(JobExecutionException.class, env::execute);
        String message = e.getCause().getMessage();
        assertTrue(message.contains("needs 8 slots") && message.contains("4")
                && message.contains("taskmanager.numberOfTaskSlots"), message);
    }

    @Test
    void localEnvironmentWithConfiguredSlotsRefusesAJobThatNeedsMore() {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(config);
        env.setParallelism(3);
        env.fromSequence(1, 10).print();
        JobExecutionException e = assertThrows(JobExecutionException.class, env::execute);
        assertTrue(e.getCause().getMessage().contains("needs 3 slots"), e.getCause().getMessage());
    }

    @Test
    void lambdaWithErasedGenericResultAsksForReturns() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        InvalidTypesException e = assertThrows(InvalidTypesException.class, () ->
                env.fromSequence(1, 10).map(x -> Tuple2.of(x, x)).print());
        assertTrue(e.getMessage().contains("returns("), e.getMessage());
    }

    @Test
    void arrayKeysAreRefusedWithAReason() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        InvalidProgramException e = assertThrows(InvalidProgramException.class, () ->
                env.fromSequence(1, 10).keyBy(x -> new long[] {x}));
        assertTrue(e.getMessage().contains("hashCode"), e.getMessage());
    }

    @Test
    void nonSerializableFunctionNamesTheOperator() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        Object notSerializable = new Object();
        env.fromSequence(1, 10).map(new CapturingMapper(notSerializable)).name("Enrich").print();
        InvalidProgramException e = assertThrows(InvalidProgramException.class, env::execute);
        assertTrue(e.getMessage().contains("'Enrich'") && e.getMessage().contains("transient"), e.getMessage());
    }

    @Test
    void forwardBetweenDifferentParallelismsIsRefused() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        env.fromSequence(1, 10).forward().map(x -> x).setParallelism(1).print();
        InvalidProgramException e = assertThrows(InvalidProgramException.class, env::execute);
        assertTrue(e.getMessage().contains("FORWARD needs equal parallelism"), e.getMessage());
    }

    @Test
    void enumKeysHashByNameSoTheyAreStableAcrossProcesses() throws Exception {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(4);
        List<Tuple2<Color, Long>> counts = env.fromSequence(0, 299)
                .map(x -> Tuple2.of(Color.values()[(int) (x % 3)], 1L))
                .returns(io.weir.api.types.Types.TUPLE(io.weir.api.types.Types.ENUM(Color.class),
                        io.weir.api.types.Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .executeAndCollect(1000);
        long finalRed = counts.stream().filter(t -> t.f0 == Color.RED).mapToLong(t -> t.f1).max().orElseThrow();
        assertEquals(100, finalRed);
    }

    enum Color { RED, GREEN, BLUE }

    /** Holds a field that cannot be serialized. */
    static final class CapturingMapper implements MapFunction<Long, Long> {
        private final Object resource;

        CapturingMapper(Object resource) {
            this.resource = resource;
        }

        @Override
        public Long map(Long value) {
            assertSame(resource, resource);
            return value;
        }
    }
}
