package io.weir.cluster.ha;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Where the leading JobManager is reached: its control plane ({@code host:port} of
 * {@code jobmanager.rpc.*}) and, if it serves one, its REST API ({@code http://host:port}), as the
 * leader publishes them in ZooKeeper, with the session it leads under: its fencing token, which every
 * call to it names and every call from it carries (a JobManager elected again leads under a new one).
 *
 * @param restUrl the REST API's base URL, or {@code null} if the leader serves none
 * @param session the leader's session id, or {@code null} if it published none
 */
public record LeaderInfo(InetSocketAddress rpcAddress, String restUrl, String session) {

    byte[] encode() {
        return ("rpc=" + rpcAddress.getHostString() + ":" + rpcAddress.getPort() + "\nrest="
                + (restUrl == null ? "" : restUrl) + "\nsession=" + (session == null ? "" : session))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException if {@code data} is not what {@link #encode} wrote */
    static LeaderInfo decode(byte[] data) {
        String rpc = null;
        String rest = null;
        String session = null;
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("rpc=")) {
                rpc = line.substring(4);
            } else if (line.startsWith("rest=")) {
                rest = line.length() > 5 ? line.substring(5) : null;
            } else if (line.startsWith("session=")) {
                session = line.length() > 8 ? line.substring(8) : null;
            }
        }
        int colon = rpc == null ? -1 : rpc.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("The leader's node in ZooKeeper holds no address: "
                    + new String(data, StandardCharsets.UTF_8));
        }
        return new LeaderInfo(InetSocketAddress.createUnresolved(rpc.substring(0, colon),
                Integer.parseInt(rpc.substring(colon + 1))), rest, session);
    }

    /** {@code host:port} of the control plane, for messages. */
    public String rpcHostAndPort() {
        return rpcAddress.getHostString() + ":" + rpcAddress.getPort();
    }

    /** The control-plane address, resolved (for connecting). */
    public InetSocketAddress resolvedRpcAddress() {
        return new InetSocketAddress(rpcAddress.getHostString(), rpcAddress.getPort());
    }
}
