package io.weir.network.rpc;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Writes control-plane messages: an object that implements one of the service's gateway interfaces
 * and is not itself serializable (a JobMaster handed to a TaskExecutor) is exported and travels as
 * a {@link RpcMessage.RemoteRef}; a proxy of a remote gateway travels as the reference it was made from.
 */
final class RpcObjectOutput extends ObjectOutputStream {
    private final RpcService service;

    RpcObjectOutput(OutputStream out, RpcService service) throws IOException {
        super(out);
        this.service = service;
        enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) {
        if (obj instanceof Serializable) {
            return obj;
        }
        RpcMessage.RemoteRef ref = service.referenceTo(obj);
        return ref != null ? ref : obj;
    }
}
