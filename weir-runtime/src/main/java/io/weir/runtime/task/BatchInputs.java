package io.weir.runtime.task;

import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.functions.KeySelector;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.StreamNode;
import io.weir.runtime.operators.broadcast.CoBroadcastWithNonKeyedOperator;
import io.weir.runtime.sort.ExternalSorter;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.HeapTimerServices;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds the inputs of a task whose head is a keyed operator (one-, two- or multiple-input, or a
 * non-keyed broadcast {@code connect}) of a BATCH job: the {@link SortedKeyedInput} and the heads that fill it. Every
 * head in STREAMING, and every other head, reads its input as it arrives.
 */
final class BatchInputs {
    private BatchInputs() {}

    /**
     * The sorted input of the chain's head in a BATCH job, handing records to {@code direct}: key by
     * key for a keyed head; for a non-keyed broadcast {@code connect}, the non-broadcast side held
     * back in arrival order until the broadcast side has ended. {@code null} for any other head, and
     * in STREAMING, where the head reads its input as it arrives.
     */
    static SortedKeyedInput sortedInput(TaskDeployment deployment, OperatorChain chain, HeadInput<?>[] direct) {
        if (deployment.job().getExecutionConfig().getRuntimeMode() != RuntimeExecutionMode.BATCH) {
            return null;
        }
        if (keySelectors(deployment.vertex().getHead(), direct.length) != null) {
            return sortedKeyedInput(deployment, chain, direct);
        }
        if (chain.head() instanceof CoBroadcastWithNonKeyedOperator<?, ?, ?>) {
            KeySelector<?, ?> holdBack = value -> value;
            return new SortedKeyedInput(direct, new KeySelector<?, ?>[] {holdBack, null},
                    new TypeSerializer<?>[] {serializerOf(deployment, 0), serializerOf(deployment, 1)},
                    sorter(deployment), SortedKeyedInput.KeyScope.HOLD_BACK);
        }
        return null;
    }

    private static SortedKeyedInput sortedKeyedInput(TaskDeployment deployment, OperatorChain chain,
            HeadInput<?>[] direct) {
        StreamNode head = deployment.vertex().getHead();
        KeySelector<?, ?>[] selectors = keySelectors(head, direct.length);
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[direct.length];
        for (int i = 0; i < direct.length; i++) {
            serializers[i] = serializerOf(deployment, i);
        }
        RuntimeOperatorContext context = chain.headContext();
        if (!(context.getKeyedStateBackend() instanceof HeapKeyedStateBackend<?> backend)
                || !(context.getInternalTimerServices() instanceof HeapTimerServices<?> timers)) {
            throw new IllegalStateException("Operator '" + head.getName() + "' runs in BATCH mode, which keeps "
                    + "keyed state on the heap one key at a time, but it got another state backend");
        }
        if (head.getStateKeyType() == null) {
            throw new IllegalStateException("Operator '" + head.getName() + "' is keyed but its key type is unknown; "
                    + "BATCH mode sorts its input by serialized key. Give the key type: keyBy(selector, keyType).");
        }
        TypeSerializer<?> keySerializer = head.getStateKeyType()
                .createSerializer(deployment.job().getExecutionConfig().getSerializerConfig());
        return new SortedKeyedInput(direct, selectors, serializers, sorter(deployment),
                new SortedKeyedInput.KeyScope(keySerializer, backend, timers));
    }

    /**
     * Per input of {@code head}, the key selector of its records, {@code null} for an unkeyed input
     * (the broadcast side, or an unkeyed input of a keyed multiple-input operator); {@code null} as a
     * whole when no input is keyed.
     */
    private static KeySelector<?, ?>[] keySelectors(StreamNode head, int inputs) {
        KeySelector<?, ?>[] selectors = Arrays.copyOf(head.getStateKeySelectors(), inputs);
        for (KeySelector<?, ?> selector : selectors) {
            if (selector != null) {
                return selectors;
            }
        }
        return null;
    }

    private static ExternalSorter sorter(TaskDeployment deployment) {
        long memory = deployment.job().getConfiguration().get(ExecutionOptions.SORTED_INPUTS_MEMORY).getBytes();
        return new ExternalSorter(memory, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The head of input {@code index} that feeds {@code sorted}. */
    static HeadInput<?> sortingHead(SortedKeyedInput sorted, int index, TaskDeployment deployment, boolean[] channels) {
        return HeadInput.sorting(sorted, index, serializerOf(deployment, index), channels);
    }

    private static TypeSerializer<?> serializerOf(TaskDeployment deployment, int index) {
        for (JobEdge edge : deployment.vertex().getInputs()) {
            if (edge.streamEdge().inputIndex() == index) {
                return edge.streamEdge().elementType()
                        .createSerializer(deployment.job().getExecutionConfig().getSerializerConfig());
            }
        }
        throw new IllegalStateException("Input " + index + " of task " + deployment.taskName() + " has no edge");
    }
}
