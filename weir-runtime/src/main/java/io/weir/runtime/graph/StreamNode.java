package io.weir.runtime.graph;

import io.weir.api.transformations.Transformation;
import io.weir.api.functions.KeySelector;
import io.weir.api.operators.ChainingStrategy;
import io.weir.api.types.TypeInformation;
import java.util.ArrayList;
import java.util.List;

/** One operator of the stream graph, with its settings and its edges. */
public final class StreamNode implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int id;
    private final String name;
    private final OperatorFactory operatorFactory;
    private final int parallelism;
    private final int maxParallelism;
    private final String slotSharingGroup;
    private final ChainingStrategy chainingStrategy;
    private final TypeInformation<?> outputType;
    private final KeySelector<?, ?> stateKeySelector;
    private KeySelector<?, ?> stateKeySelector2;
    private TypeInformation<?> stateKeyType;
    private boolean twoInput;
    private KeySelector<?, ?>[] multipleInputKeySelectors;
    private int multipleInputs;
    private final List<StreamEdge> inEdges = new ArrayList<>();
    private final List<StreamEdge> outEdges = new ArrayList<>();
    private String uid;
    private long bufferTimeout = Transformation.BUFFER_TIMEOUT_OF_JOB;
    private String operatorId;

    StreamNode(int id, String name, OperatorFactory operatorFactory, NodeSettings settings,
            TypeInformation<?> outputType, KeySelector<?, ?> stateKeySelector) {
        this.id = id;
        this.name = name;
        this.operatorFactory = operatorFactory;
        this.parallelism = settings.parallelism();
        this.maxParallelism = settings.maxParallelism();
        this.slotSharingGroup = settings.slotSharingGroup();
        this.chainingStrategy = settings.chainingStrategy();
        this.outputType = outputType;
        this.stateKeySelector = stateKeySelector;
    }

    /** Parallelism, key groups, slot sharing group and chaining of a node. */
    record NodeSettings(int parallelism, int maxParallelism, String slotSharingGroup, ChainingStrategy chainingStrategy) {}

    public int getId() {
        return id;
    }

    /** The uid the user gave the operator ({@code .uid(...)}), or {@code null}. */
    public String getUid() {
        return uid;
    }

    void setUid(String uid) {
        this.uid = uid;
    }

    /** The operator's own buffer timeout in milliseconds (see {@code Transformation.getBufferTimeout}). */
    public long getBufferTimeout() {
        return bufferTimeout;
    }

    void setBufferTimeout(long bufferTimeout) {
        this.bufferTimeout = bufferTimeout;
    }

    /**
     * The operator's identity in checkpoints and savepoints: derived from its uid when it has one,
     * otherwise from its place in the graph, so it is the same for the same program submitted again.
     */
    public String getOperatorId() {
        return operatorId;
    }

    void setOperatorId(String operatorId) {
        this.operatorId = operatorId;
    }

    public String getName() {
        return name;
    }

    public OperatorFactory getOperatorFactory() {
        return operatorFactory;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    /** The type this node emits, or {@code null} for sinks. */
    public TypeInformation<?> getOutputType() {
        return outputType;
    }

    /** The key selector when this node's input is keyed, else {@code null}. */
    public KeySelector<?, ?> getStateKeySelector() {
        return stateKeySelector;
    }

    /** The key selector of the second input of a two-input node when it is keyed, else {@code null}. */
    public KeySelector<?, ?> getStateKeySelector2() {
        return stateKeySelector2;
    }

    void setStateKeySelector2(KeySelector<?, ?> selector) {
        this.stateKeySelector2 = selector;
    }

    /** The type of the keys of a keyed node (what its keyed state and timers are checkpointed with), else {@code null}. */
    public TypeInformation<?> getStateKeyType() {
        return stateKeyType;
    }

    void setStateKeyType(TypeInformation<?> keyType) {
        this.stateKeyType = keyType;
    }

    /**
     * The key selector of each input, by input index ({@code null} where an input is not keyed): for a
     * multiple-input node one per input, else those of the first and second input.
     */
    public KeySelector<?, ?>[] getStateKeySelectors() {
        return multipleInputKeySelectors != null ? multipleInputKeySelectors.clone()
                : new KeySelector<?, ?>[] {stateKeySelector, stateKeySelector2};
    }

    /**
     * The number of inputs of a node whose operator is a {@code MultipleInputStreamOperator}, 0 for
     * any other node (a one- or two-input operator counts as neither).
     */
    public int getMultipleInputs() {
        return multipleInputs;
    }

    void setMultipleInputs(int inputs, KeySelector<?, ?>[] keySelectors) {
        this.multipleInputs = inputs;
        this.multipleInputKeySelectors = keySelectors.clone();
    }

    /** True for a node whose operator has two inputs (a connected stream). */
    public boolean isTwoInput() {
        return twoInput;
    }

    void setTwoInput(boolean twoInput) {
        this.twoInput = twoInput;
    }

    public List<StreamEdge> getInEdges() {
        return inEdges;
    }

    public List<StreamEdge> getOutEdges() {
        return outEdges;
    }

    @Override
    public String toString() {
        return name + "#" + id + "(p=" + parallelism + ")";
    }
}
