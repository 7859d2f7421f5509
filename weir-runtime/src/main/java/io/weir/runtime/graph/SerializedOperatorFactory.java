package io.weir.runtime.graph;

import io.weir.api.common.InvalidProgramException;
import io.weir.api.operators.StreamOperator;
import io.weir.runtime.coordination.OperatorCoordinator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Creates operator instances from a user operator serialized once when the graph is built: each
 * subtask gets its own copy, and a function that cannot be serialized fails the job at submission
 * with the operator's name instead of at run time on a remote machine.
 */
public final class SerializedOperatorFactory implements OperatorFactory {
    private static final long serialVersionUID = 1L;

    private final byte[] serializedOperator;
    private final transient ClassLoader classLoader;
    private final OperatorCoordinator.Provider coordinator;

    public SerializedOperatorFactory(StreamOperator<?> operator, String operatorName, ClassLoader classLoader) {
        this(operator, operatorName, classLoader, null);
    }

    /** With a coordinator for the operator on the JobMaster. */
    public SerializedOperatorFactory(StreamOperator<?> operator, String operatorName, ClassLoader classLoader,
            OperatorCoordinator.Provider coordinator) {
        this.serializedOperator = serialize(operator, operatorName);
        this.classLoader = classLoader;
        this.coordinator = coordinator;
    }

    @Override
    public OperatorCoordinator.Provider coordinatorProvider() {
        return coordinator;
    }

    @Override
    public StreamOperator<?> createOperator() {
        ClassLoader cl = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        try (ObjectInputStream in = new UserCodeObjectInputStream(new ByteArrayInputStream(serializedOperator), cl)) {
            return (StreamOperator<?>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Could not instantiate the operator from its serialized form", e);
        }
    }

    static byte[] serialize(Object operator, String operatorName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(operator);
        } catch (IOException e) {
            throw new InvalidProgramException("The function of operator '" + operatorName + "' is not serializable: "
                    + e + ". Functions are shipped to the task managers, so every field they keep must be "
                    + "Serializable: mark other fields transient and create them in open(), or avoid capturing "
                    + "non-serializable objects (such as the enclosing class) in lambdas.", e);
        }
        return bytes.toByteArray();
    }
}
