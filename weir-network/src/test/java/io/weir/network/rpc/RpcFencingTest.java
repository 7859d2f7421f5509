package io.weir.network.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fencing on the control plane: a "leader" and a "follower" service on free loopback ports, calls
 * with current and stale leader sessions in both directions.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RpcFencingTest {
    /** A gateway that answers, records one-way messages and calls back what it is handed. */
    public interface Probe {
        CompletableFuture<String> echo(String text);

        void record(String text);

        CompletableFuture<List<String>> recorded();

        CompletableFuture<String> askBack(Probe caller);
    }

    static final class RecordingProbe implements Probe {
        private final String name;
        private final List<String> recorded = new CopyOnWriteArrayList<>();

        RecordingProbe(String name) {
            this.name = name;
        }

        @Override
        public CompletableFuture<String> echo(String text) {
            return CompletableFuture.completedFuture(name + ":" + text);
        }

        @Override
        public void record(String text) {
            recorded.add(text);
        }

        @Override
        public CompletableFuture<List<String>> recorded() {
            return CompletableFuture.completedFuture(List.copyOf(recorded));
        }

        @Override
        public CompletableFuture<String> askBack(Probe caller) {
            return caller.echo("back");
        }
    }

    private final RpcService leader = service();
    private final RpcService follower = service();

    private static RpcService service() {
        return new RpcService(new InetSocketAddress("127.0.0.1", 0), RpcFencingTest.class.getClassLoader(),
                List.of(Probe.class));
    }

    @AfterEach
    void close() {
        leader.close();
        follower.close();
    }

    private static FencingTokenException refusal(CompletableFuture<?> call) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(FencingTokenException.class, e.getCause());
    }

    @Test
    void aLeaderAnswersOnlyCallsMadeForItsCurrentSession() throws Exception {
        leader.export("probe", new RecordingProbe("leader"));
        leader.leadAs("session-1");
        Probe current = follower.connect(leader.address(), "probe", Probe.class, "session-1");
        assertEquals("leader:a", current.echo("a").get(30, TimeUnit.SECONDS));

        String stale = refusal(follower.connect(leader.address(), "probe", Probe.class, "session-0").echo("b"))
                .getMessage();
        assertTrue(stale.contains("echo of probe refused at " + leader.address()) && stale.contains(
                "meant for leader session session-0, this process leads as session-1"), stale);
        String unnamed = refusal(follower.connect(leader.address(), "probe", Probe.class).echo("c")).getMessage();
        assertTrue(unnamed.contains("named no leader session"), unnamed);

        leader.stopLeading();
        String notLeading = refusal(current.echo("d")).getMessage();
        assertTrue(notLeading.contains("does not lead the cluster"), notLeading);

        leader.leadAs("session-2"); // elected again: the proxies of the first session stay refused
        assertTrue(refusal(current.echo("e")).getMessage().contains("meant for leader session session-1"));
        assertEquals("leader:f", follower.connect(leader.address(), "probe", Probe.class, "session-2").echo("f")
                .get(30, TimeUnit.SECONDS));
    }

    @Test
    void aReferenceHandedOutByTheLeaderNamesItsSession() throws Exception {
        RecordingProbe leaderProbe = new RecordingProbe("leader");
        leader.export("probe", leaderProbe);
        follower.export("probe", new RecordingProbe("follower"));
        leader.leadAs("session-1");
        Probe remoteFollower = leader.connect(follower.address(), "probe", Probe.class);
        // the follower calls back the leader through the reference the leader sent, naming session-1
        assertEquals("leader:back", remoteFollower.askBack(leaderProbe).get(30, TimeUnit.SECONDS));

        leader.leadAs("session-2");
        leader.stopLeading();
        leader.leadAs("session-3");
        Probe oldReference = follower.connect(leader.address(), "probe", Probe.class, "session-1");
        assertTrue(refusal(oldReference.echo("x")).getMessage().contains("meant for leader session session-1"));
        // a reference handed out now names the new session
        assertEquals("leader:back", remoteFollower.askBack(leaderProbe).get(30, TimeUnit.SECONDS));
    }

    @Test
    void aFollowerSendsNothingMoreToAFormerLeader() throws Exception {
        RecordingProbe leaderProbe = new RecordingProbe("leader");
        leader.export("probe", leaderProbe);
        leader.leadAs("session-1");
        follower.acceptCallsOnlyFrom("session-1");
        Probe toLeader = follower.connect(leader.address(), "probe", Probe.class, "session-1");
        toLeader.record("while it leads");
        assertEquals("leader:a", toLeader.echo("a").get(30, TimeUnit.SECONDS));

        follower.acceptCallsOnlyFrom(null); // the follower saw the leader go, though the leader does not know yet
        toLeader.record("after it was lost"); // not sent
        String refused = refusal(toLeader.echo("b")).getMessage();
        assertTrue(refused.contains("not sent: that process led under session session-1"), refused);
        assertEquals(List.of("while it leads"), leader.connect(leader.address(), "probe", Probe.class, "session-1")
                .recorded().get(30, TimeUnit.SECONDS));
    }

    @Test
    void aFollowerDropsTheMessagesOfAFormerLeader() throws Exception {
        follower.export("probe", new RecordingProbe("follower"));
        follower.acceptCallsOnlyFrom("session-1");
        leader.leadAs("session-1");
        Probe fromLeader = leader.connect(follower.address(), "probe", Probe.class);
        fromLeader.record("from session-1");
        assertEquals("follower:a", fromLeader.echo("a").get(30, TimeUnit.SECONDS));

        follower.acceptCallsOnlyFrom("session-2"); // the follower learned of a new leader
        fromLeader.record("from the former leader"); // one-way: dropped
        String refused = refusal(fromLeader.echo("b")).getMessage();
        assertTrue(refused.contains("sent by leader session session-1, but this process follows leader session"
                + " session-2"), refused);

        follower.acceptCallsOnlyFrom(null); // between leaders: nobody's calls
        assertTrue(refusal(fromLeader.echo("c")).getMessage().contains("follows no leader at the moment"));

        follower.acceptCallsOnlyFrom("session-2");
        leader.leadAs("session-2");
        // invocations on one connection run in order: the dropped message came before this call
        assertEquals(List.of("from session-1"), fromLeader.recorded().get(30, TimeUnit.SECONDS));
    }
}
