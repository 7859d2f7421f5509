package io.weir.network.rpc;

import io.weir.runtime.graph.JobCodeResolver;
import io.weir.runtime.graph.UserCodeObjectInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads control-plane messages: classes resolve through the process's user-code class loader, and
 * a gateway passed by reference becomes a proxy that calls back to where it lives.
 */
final class RpcObjectInput extends UserCodeObjectInputStream {
    private final RpcService service;

    RpcObjectInput(InputStream in, ClassLoader classLoader, JobCodeResolver jobCode, RpcService service)
            throws IOException {
        super(in, classLoader, jobCode);
        this.service = service;
        enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object obj) {
        return obj instanceof RpcMessage.RemoteRef ref ? service.proxyFor(ref) : obj;
    }
}
