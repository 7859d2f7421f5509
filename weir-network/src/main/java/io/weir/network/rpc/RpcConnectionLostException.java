package io.weir.network.rpc;

/**
 * A call failed because the process at the other end could not be reached or went away before it
 * answered — not because the call itself failed there. A caller that can find the service elsewhere
 * (a new leader) may try again there.
 */
public final class RpcConnectionLostException extends IllegalStateException {
    public RpcConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
