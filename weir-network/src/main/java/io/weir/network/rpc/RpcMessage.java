package io.weir.network.rpc;

import java.io.Serializable;

/** What travels on a control-plane connection: a call of a gateway method, or the answer to one. */
sealed interface RpcMessage extends Serializable {

    /**
     * A call of {@code method} (with parameter types {@code parameterTypes}) of interface
     * {@code gateway} on the object exported as {@code target}.
     *
     * @param callId identifies the reply; {@code 0} when the caller expects none (a void method)
     * @param targetToken the fencing token the caller believes the target process holds (the leader
     *     session it reached it under), or {@code null} if it reached an unfenced process
     * @param senderToken the fencing token of the calling process (its leader session), or {@code null}
     */
    record Invocation(long callId, String target, String gateway, String method, String[] parameterTypes,
            Object[] arguments, String targetToken, String senderToken) implements RpcMessage {}

    /** The outcome of the call {@code callId}: its value, or the failure it threw or completed with. */
    record Reply(long callId, Object value, Throwable failure) implements RpcMessage {}

    /**
     * A gateway passed by reference: calls on it go back to {@code host:port}, to the object exported as
     * {@code name}, naming {@code fencingToken} (the leader session its process held when the reference
     * was made; {@code null} for an unfenced process).
     */
    record RemoteRef(String host, int port, String name, String gateway, String fencingToken) implements Serializable {}
}
