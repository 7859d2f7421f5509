package io.weir.network.rpc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Turns the method calls on a proxy of a remote gateway into invocations on its connection. */
final class RemoteGateway implements InvocationHandler {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteGateway.class);
    private final RpcService service;
    private final RpcMessage.RemoteRef reference;
    private final InetSocketAddress address;

    RemoteGateway(RpcService service, RpcMessage.RemoteRef reference) {
        this.service = service;
        this.reference = reference;
        this.address = new InetSocketAddress(reference.host(), reference.port());
    }

    RpcMessage.RemoteRef reference() {
        return reference;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> args[0] != null && Proxy.isProxyClass(args[0].getClass())
                        && Proxy.getInvocationHandler(args[0]) instanceof RemoteGateway other
                        && other.reference.equals(reference);
                case "hashCode" -> reference.hashCode();
                default -> reference.name() + "@" + address;
            };
        }
        boolean isVoid = method.getReturnType() == void.class;
        if (service.followsAnotherLeaderThan(reference.fencingToken())) {
            FencingTokenException stale = new FencingTokenException(method.getName() + " of " + reference.name()
                    + " at " + address + " not sent: that process led under session " + reference.fencingToken()
                    + ", and this process follows another leader now");
            if (isVoid) {
                LOG.info("Dropped a message to a former leader: {}", stale.getMessage());
                return null;
            }
            if (CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
                return CompletableFuture.failedFuture(stale);
            }
            throw stale;
        }
        CompletableFuture<Object> reply;
        try {
            reply = service.connection(address).call(reference.name(), reference.fencingToken(), method, args, !isVoid);
        } catch (IllegalStateException unreachable) {
            if (isVoid) { // a one-way message to a process that is gone: its loss is noticed by heartbeats
                LOG.warn("Dropped {} to {}: {}", method.getName(), reference.name(), unreachable.getMessage());
                return null;
            }
            if (CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
                return CompletableFuture.failedFuture(unreachable);
            }
            throw unreachable;
        }
        if (isVoid || CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
            return reply;
        }
        try {
            return reply.get(RpcService.SYNC_CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw new IllegalStateException(method.getName() + " of " + reference.name() + " at " + address
                    + " did not answer within " + RpcService.SYNC_CALL_TIMEOUT_SECONDS + " s", e);
        }
    }
}
