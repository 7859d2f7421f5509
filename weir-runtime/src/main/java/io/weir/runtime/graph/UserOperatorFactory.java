package io.weir.runtime.graph;

import io.weir.api.operators.StreamOperator;
import io.weir.api.operators.StreamOperatorFactory;
import io.weir.api.operators.StreamOperatorParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;

/**
 * Creates operators with a user's {@link StreamOperatorFactory}, shipped serialized: the operator
 * (an {@code AbstractStreamOperatorV2}) takes its parameters in its constructor, so the task creates
 * it with {@link #createOperator(StreamOperatorParameters)} once its output and context exist, and
 * calls no {@code setup} on it.
 */
public final class UserOperatorFactory implements OperatorFactory {
    private static final long serialVersionUID = 1L;

    private final byte[] serializedFactory;
    private final String operatorName;
    private final transient ClassLoader classLoader;

    public UserOperatorFactory(StreamOperatorFactory<?> factory, String operatorName, ClassLoader classLoader) {
        this.serializedFactory = SerializedOperatorFactory.serialize(factory, operatorName);
        this.operatorName = operatorName;
        this.classLoader = classLoader;
    }

    /** Not possible without parameters: use {@link #createOperator(StreamOperatorParameters)}. */
    @Override
    public StreamOperator<?> createOperator() {
        throw new IllegalStateException("Operator '" + operatorName + "' is created by its StreamOperatorFactory, "
                + "with the parameters of its task");
    }

    /** A new operator for one subtask, from a fresh copy of the factory. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public StreamOperator<?> createOperator(StreamOperatorParameters<?> parameters) {
        ClassLoader cl = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        StreamOperatorFactory factory;
        try (ObjectInputStream in = new UserCodeObjectInputStream(new ByteArrayInputStream(serializedFactory), cl)) {
            factory = (StreamOperatorFactory) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Could not instantiate the operator factory of '" + operatorName
                    + "' from its serialized form", e);
        }
        StreamOperator<?> operator = factory.createStreamOperator((StreamOperatorParameters) parameters);
        if (operator == null) {
            throw new IllegalStateException("The StreamOperatorFactory of operator '" + operatorName + "' ("
                    + factory.getClass().getName() + ") created no operator: createStreamOperator must return one.");
        }
        return operator;
    }
}
