package io.weir.runtime.task;

import io.weir.api.configuration.ExecutionOptions;
import io.weir.api.environment.RuntimeExecutionMode;
import io.weir.api.functions.KeySelector;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.StreamNode;
import io.weir.runtime.sort.ExternalSorter;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.HeapTimerServices;
import java.nio.file.Path;

/**
 * Builds the inputs of a task whose head is a keyed operator of a BATCH job: the
 * {@link SortedKeyedInput} and the heads that fill it. A keyed head in STREAMING, and every other
 * head, reads its input as it arrives.
 */
final class BatchInputs {
    private BatchInputs() {}

    /** Whether the deployment's head operator is keyed and the job runs in BATCH mode. */
    static boolean isSortedKeyed(TaskDeployment deployment) {
        StreamNode head = deployment.vertex().getHead();
        return deployment.job().getExecutionConfig().getRuntimeMode() == RuntimeExecutionMode.BATCH
                && (head.getStateKeySelector() != null || head.getStateKeySelector2() != null);
    }

    /** The sorted input of the chain's keyed head, handing records to {@code direct} key by key. */
    static SortedKeyedInput sortedKeyedInput(TaskDeployment deployment, OperatorChain chain, HeadInput<?>[] direct) {
        StreamNode head = deployment.vertex().getHead();
        KeySelector<?, ?>[] selectors = direct.length == 1 ? new KeySelector<?, ?>[] {head.getStateKeySelector()}
                : new KeySelector<?, ?>[] {head.getStateKeySelector(), head.getStateKeySelector2()};
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
        long memory = deployment.job().getConfiguration().get(ExecutionOptions.SORTED_INPUTS_MEMORY).getBytes();
        ExternalSorter sorter = new ExternalSorter(memory, Path.of(System.getProperty("java.io.tmpdir")));
        TypeSerializer<?> keySerializer = head.getStateKeyType()
                .createSerializer(deployment.job().getExecutionConfig().getSerializerConfig());
        return new SortedKeyedInput(direct, selectors, keySerializer, serializers, sorter, backend, timers);
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
