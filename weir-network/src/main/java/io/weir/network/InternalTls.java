package io.weir.network;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.Future;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.runtime.configuration.SecurityOptions;
import io.weir.runtime.security.SslSettings;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS on a process's internal connections, the control plane's and the data plane's
 * ({@code security.ssl.internal.*}): a Netty {@link SslHandler} (the JDK's provider) first in every
 * pipeline, on both ends, with mutual authentication — each end presents the cluster's certificate
 * and accepts only a peer whose certificate its trust store holds. Host names are not checked: the
 * certificate identifies the cluster, not a host.
 *
 * <p>A peer that fails the handshake (no TLS, no certificate, an untrusted one) is refused: the
 * accepting side logs who and why and closes the connection, and the connecting side fails with a
 * message naming the peer and the settings to check ({@link #awaitHandshake}). So is a peer that does
 * not complete it within {@code security.ssl.internal.handshake-timeout} (one that speaks no TLS and
 * waits, a stalled or hostile one): the timeout bounds how long a connection can hold either side.
 *
 * <p>Threading: immutable; safe for use from any thread.
 */
public final class InternalTls {
    private static final Logger LOG = LoggerFactory.getLogger(InternalTls.class);
    /** How much longer than the handshake timeout {@link #awaitHandshake} waits for the handler's outcome. */
    private static final long GUARD_MARGIN_MILLIS = 10_000;

    private final SslSettings settings;
    private final SslContext server;
    private final SslContext client;

    /** @throws IllegalConfigurationException if Netty cannot use the settings' protocol or cipher suites */
    public InternalTls(SslSettings settings) {
        this.settings = settings;
        try {
            server = SslContextBuilder.forServer(settings.keyManagers())
                    .trustManager(settings.trustManagers())
                    .clientAuth(ClientAuth.REQUIRE)
                    .sslProvider(SslProvider.JDK)
                    .protocols(settings.protocol())
                    .ciphers(settings.cipherSuites())
                    .build();
            client = SslContextBuilder.forClient()
                    .keyManager(settings.keyManagers())
                    .trustManager(settings.trustManagers())
                    .endpointIdentificationAlgorithm(null)
                    .sslProvider(SslProvider.JDK)
                    .protocols(settings.protocol())
                    .ciphers(settings.cipherSuites())
                    .build();
        } catch (SSLException e) {
            throw new IllegalConfigurationException("Cannot set up TLS for internal connections ("
                    + SecurityOptions.SSL_PROTOCOL.key() + ", " + SecurityOptions.SSL_ALGORITHMS.key() + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * Puts TLS first in the pipeline of a connection this process accepted; {@code plane} names the
     * connection in the message logged when the peer is refused.
     */
    public void secureAccepted(SocketChannel ch, String plane) {
        SslHandler tls = server.newHandler(ch.alloc());
        tls.setHandshakeTimeoutMillis(settings.handshakeTimeoutMillis());
        ch.pipeline().addLast(tls, new HandshakeFailureFilter(tls));
        tls.handshakeFuture().addListener(done -> {
            if (!done.isSuccess()) {
                LOG.warn("Refused a {} connection from {}: {}. Only processes with security.ssl.internal.enabled and"
                        + " a certificate that {} trusts may connect.", plane, ch.remoteAddress(),
                        reason(done.cause()), settings.truststore());
            }
        });
    }

    /** Puts TLS first in the pipeline of a connection this process opens to {@code remote}. */
    public void secureConnecting(SocketChannel ch, InetSocketAddress remote) {
        SslHandler tls = client.newHandler(ch.alloc(), remote.getHostString(), remote.getPort());
        tls.setHandshakeTimeoutMillis(settings.handshakeTimeoutMillis());
        ch.pipeline().addLast(tls, new HandshakeFailureFilter(tls));
    }

    /**
     * Waits until the TLS handshake of a connection this process opened is done; the handler's own
     * timeout ends a handshake that takes too long, this wait (10 s longer) only guards against a
     * handler that never reports.
     *
     * @throws IllegalStateException if it failed, naming the peer, the reason and what to check
     */
    public static void awaitHandshake(Channel ch, String what) {
        SslHandler tls = ch.pipeline().get(SslHandler.class);
        if (tls == null) {
            return;
        }
        Future<Channel> handshake = tls.handshakeFuture();
        // a margin beyond the handler's timeout, so that on a busy machine its own report comes first
        long limit = tls.getHandshakeTimeoutMillis() + GUARD_MARGIN_MILLIS;
        if (!handshake.awaitUninterruptibly(limit, TimeUnit.MILLISECONDS)) {
            ch.close();
            throw new IllegalStateException("The TLS handshake of " + what + " took longer than " + limit + " ms ("
                    + SecurityOptions.SSL_INTERNAL_HANDSHAKE_TIMEOUT.key() + " is " + tls.getHandshakeTimeoutMillis()
                    + " ms)");
        }
        if (!handshake.isSuccess()) {
            throw new IllegalStateException("The TLS handshake of " + what + " failed: " + reason(handshake.cause())
                    + ". Every process of the cluster needs security.ssl.internal.enabled: true and a certificate"
                    + " the others' security.ssl.internal.truststore trusts.", handshake.cause());
        }
    }

    /** The innermost message of a handshake failure, which says what went wrong. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof io.netty.handler.ssl.NotSslRecordException) {
            return "the peer does not speak TLS (is security.ssl.internal.enabled off there?)";
        }
        if (cause instanceof io.netty.handler.ssl.SslHandshakeTimeoutException) {
            return message + " (does the peer speak TLS? security.ssl.internal.enabled may be off there; if it is"
                    + " only slow, raise " + SecurityOptions.SSL_INTERNAL_HANDSHAKE_TIMEOUT.key() + ")";
        }
        if (message.startsWith("Received fatal alert")) {
            return "the peer refused this process's certificate (" + message + "): its trust store does not hold it";
        }
        if (message.contains("Empty client certificate chain")) {
            return "the peer presented no certificate this process trusts (" + message + ")";
        }
        return message;
    }

    /**
     * Ends a connection whose handshake failed without passing the error on: the handshake's listener
     * already said why, and the handlers behind would log it again as an error of their own.
     */
    private static final class HandshakeFailureFilter extends ChannelInboundHandlerAdapter {
        private final SslHandler tls;

        HandshakeFailureFilter(SslHandler tls) {
            this.tls = tls;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (tls.handshakeFuture().isSuccess()) {
                ctx.fireExceptionCaught(cause);
            } else {
                ctx.close();
            }
        }
    }
}
