package io.weir.api.types;

import java.util.Objects;

/**
 * Stands for a type that could not be determined, so that the error surfaces only if the type is
 * actually needed, and with advice: a later {@code returns(...)} replaces it. Every use except
 * {@link #toException()}, {@link #toString()}, {@code equals} and {@code hashCode} throws the
 * {@link InvalidTypesException} that explains what to do.
 */
public final class MissingTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final InvalidTypesException cause;
    private final String message;

    /**
     * The return type of the function described by {@code functionName} (such as
     * {@code "Map at WordCount.main"}) could not be determined, for the reason given by {@code cause}.
     */
    public MissingTypeInfo(String functionName, InvalidTypesException cause) {
        this(Objects.requireNonNull(functionName, "function name"), Objects.requireNonNull(cause, "cause"),
                "The return type of '" + functionName + "' could not be determined automatically, because of type "
                        + "erasure (Java lambdas with generic result types such as Tuple2<String,Integer>). Give it "
                        + "explicitly with .returns(new TypeHint<Tuple2<String, Integer>>(){}) or "
                        + ".returns(Types.TUPLE(Types.STRING, Types.INT)), or use a class that implements the function "
                        + "interface. Details: " + cause.getMessage());
    }

    private MissingTypeInfo(String functionName, InvalidTypesException cause, String message) {
        this.functionName = functionName;
        this.cause = cause;
        this.message = message;
    }

    /**
     * A type that cannot be used as it is, such as a raw {@code Tuple2} or {@code Row} class;
     * {@code message} says what to give instead.
     */
    public static <T> MissingTypeInfo<T> forType(String message) {
        return new MissingTypeInfo<>(null, null, message);
    }

    /** The function whose return type is missing, or null if this stands for an incomplete type. */
    public String getFunctionName() {
        return functionName;
    }

    /** Why the type could not be determined, or null. */
    public InvalidTypesException getCause() {
        return cause;
    }

    /** The exception to throw where the type is needed; a new instance on every call. */
    public InvalidTypesException toException() {
        return cause == null ? new InvalidTypesException(message) : new InvalidTypesException(message, cause);
    }

    @Override
    public boolean isBasicType() {
        throw toException();
    }

    @Override
    public boolean isTupleType() {
        throw toException();
    }

    @Override
    public int getArity() {
        throw toException();
    }

    @Override
    public int getTotalFields() {
        throw toException();
    }

    @Override
    public Class<T> getTypeClass() {
        throw toException();
    }

    @Override
    public boolean isKeyType() {
        throw toException();
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        throw toException();
    }

    @Override
    public String toString() {
        return "MissingTypeInfo(" + (functionName != null ? functionName : message) + ")";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MissingTypeInfo<?> other && Objects.equals(other.functionName, functionName)
                && other.message.equals(message);
    }

    @Override
    public int hashCode() {
        return message.hashCode();
    }
}
