package io.weir.network.rpc;

/**
 * A call refused because it was made for a leader session that is not the receiver's: the callee no
 * longer leads (or leads under a newer session), or the caller is a former leader that a process
 * stopped listening to. The caller should find the current leader and call it again.
 */
public final class FencingTokenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public FencingTokenException(String message) {
        super(message);
    }
}
