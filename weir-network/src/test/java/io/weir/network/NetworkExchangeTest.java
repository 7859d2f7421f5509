package io.weir.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.JobID;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.Types;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.runtime.exchange.BarrierEncoding;
import io.weir.runtime.exchange.Buffer;
import io.weir.runtime.exchange.BufferPool;
import io.weir.runtime.exchange.BufferReceiver;
import io.weir.runtime.exchange.ElementTag;
import io.weir.runtime.exchange.ExchangeKey;
import io.weir.runtime.exchange.InputQueue;
import io.weir.runtime.exchange.RecordWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two TaskManagers' data planes in one JVM, on loopback with free ports: a producer in the first
 * writes through a remote channel into a consumer's queue in the second.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NetworkExchangeTest {
    private static final int CHANNEL = 3;
    private static final TypeSerializer<Integer> INTS = Types.INT.createSerializer(new SerializerConfig());

    private final ExchangeKey consumer = new ExchangeKey(JobID.generate(), 0, 1, 0);
    private NetworkExchange consumerSide;
    private NetworkExchange producerSide;
    private InputQueue queue;
    /** One permit per buffer that arrives (or failure) at the consumer's queue. */
    private final Semaphore arrivals = new Semaphore(0);

    @BeforeEach
    void startTwoDataPlanes() {
        consumerSide = new NetworkExchange(new InetSocketAddress("127.0.0.1", 0), key -> null, 2, 256);
        InetSocketAddress remote = consumerSide.address();
        producerSide = new NetworkExchange(new InetSocketAddress("127.0.0.1", 0), key -> remote, 2, 256);
        queue = consumerSide.inputQueue(consumer);
        queue.attach(arrivals::release);
    }

    @AfterEach
    void stop() {
        producerSide.close();
        consumerSide.close();
    }

    @Test
    void recordsWatermarksAndEndOfPartitionArriveInOrder() throws Exception {
        BufferPool pool = new BufferPool(4, 256);
        RecordWriter<Integer> writer = writer(pool, producerSide.receiver(consumer, CHANNEL));
        int records = 20_000;
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < records; i++) {
                    writer.emit(new StreamRecord<>(i, i));
                    if (i % 1000 == 999) {
                        writer.emitWatermark(new Watermark(i));
                    }
                }
                writer.endOfPartition();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Long> elements = readUntilEndOfPartition();
        producing.get(10, TimeUnit.SECONDS);
        int expectedRecord = 0;
        int watermarks = 0;
        for (long element : elements) {
            if (element >= 0) {
                assertEquals(expectedRecord++, element, "records of one channel keep their order");
            } else {
                watermarks++;
                assertEquals(expectedRecord - 1, -element - 1, "a watermark stays behind the records before it");
            }
        }
        assertEquals(records, expectedRecord);
        assertEquals(records / 1000, watermarks);
        // A buffer goes back to its pool when the event loop has written it, which may be after the
        // consumer has read it: wait (bounded) until all four can be taken again, then none is left.
        CompletableFuture<Void> allBack = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 4; i++) {
                    pool.request();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        allBack.get(10, TimeUnit.SECONDS);
        assertEquals(0, pool.available(), "every producer buffer went back to its pool once on the wire, and only once");
    }

    @Test
    void producerWaitsForCreditsWhileTheConsumerDoesNotRead() throws Exception {
        BufferPool pool = new BufferPool(4, 256);
        BufferReceiver channel = producerSide.receiver(consumer, CHANNEL);
        // 2 credits at the receiver + 4 pool buffers in the sender's backlog; the last two requests
        // wait until the credited buffers are on the wire
        for (int i = 0; i < 6; i++) {
            channel.push(filled(pool, i));
        }
        assertTrue(arrivals.tryAcquire(2, 10, TimeUnit.SECONDS));
        assertEquals(2, queue.size(), "the receiver holds no more buffers than it granted credits");
        assertEquals(0, pool.available(), "the backlog keeps the producer's buffers: it is back-pressured");

        CompletableFuture<Buffer> blockedRequest = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.request();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(blockedRequest.isDone());

        Buffer first = queue.poll();
        assertEquals(0, intAt(first));
        first.recycle(); // grants a credit: one backlog buffer goes out and its pool buffer comes back
        blockedRequest.get(10, TimeUnit.SECONDS).recycle();
        assertTrue(arrivals.tryAcquire(1, 10, TimeUnit.SECONDS));
        assertEquals(1, intAt(queue.poll()));
        assertEquals(2, intAt(queue.poll()));
        assertNull(queue.poll());
    }

    @Test
    void unalignedBarrierOvertakesTheBacklogAndReturnsWhatItOvertook() throws Exception {
        BufferPool pool = new BufferPool(8, 256);
        BufferReceiver channel = producerSide.receiver(consumer, CHANNEL);
        for (int i = 0; i < 4; i++) {
            channel.push(filled(pool, i));
        }
        assertTrue(arrivals.tryAcquire(2, 10, TimeUnit.SECONDS)); // 0 and 1 are credited; 2 and 3 wait
        CheckpointBarrier unaligned = new CheckpointBarrier(42, 0).asUnaligned();
        byte[] barrier = BarrierEncoding.encode(unaligned);
        List<byte[]> overtaken = channel.prioritize(Buffer.barrier(barrier, CHANNEL, unaligned));
        assertEquals(2, overtaken.size());
        assertEquals(2, intAt(overtaken.get(0)));
        assertEquals(3, intAt(overtaken.get(1)));
        assertTrue(arrivals.tryAcquire(1, 10, TimeUnit.SECONDS));

        List<byte[]> read = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Buffer next = queue.poll();
            while (next == null) {
                assertTrue(arrivals.tryAcquire(1, 10, TimeUnit.SECONDS));
                next = queue.poll();
            }
            assertEquals(CHANNEL, next.channel());
            read.add(java.util.Arrays.copyOf(next.bytes(), next.length()));
            next.recycle();
        }
        assertEquals(0, intAt(read.get(0)));
        assertEquals(1, intAt(read.get(1)));
        assertArrayEquals(barrier, read.get(2), "the barrier comes before the backlog it overtook");
        assertEquals(2, intAt(read.get(3)));
        assertEquals(3, intAt(read.get(4)));
    }

    @Test
    void anAlignedBarrierArrivesMarkedSoItsConsumerFindsItInTheQueue() throws Exception {
        BufferPool pool = new BufferPool(4, 256);
        RecordWriter<Integer> writer = writer(pool, producerSide.receiver(consumer, CHANNEL));
        writer.emit(new StreamRecord<>(7, 0));
        CheckpointBarrier barrier = new CheckpointBarrier(5, 0);
        writer.broadcastBarrier(barrier);
        assertTrue(arrivals.tryAcquire(2, 10, TimeUnit.SECONDS));

        Map<Integer, List<byte[]>> ahead = queue.copyAheadOfBarrier(5);
        assertEquals(Set.of(CHANNEL), ahead.keySet(), "the queued barrier is found, as on a local channel");
        assertEquals(1, ahead.get(CHANNEL).size(), "with the buffer of the record before it");
        Buffer record = queue.poll();
        assertNull(record.barrier());
        record.recycle();
        Buffer received = queue.poll();
        assertEquals(barrier, received.barrier());
        assertEquals(CHANNEL, received.channel());
        received.recycle();
    }

    @Test
    void lostProducerFailsTheConsumerWithAClearError() throws Exception {
        BufferPool pool = new BufferPool(4, 256);
        BufferReceiver channel = producerSide.receiver(consumer, CHANNEL);
        channel.push(filled(pool, 7));
        assertTrue(arrivals.tryAcquire(1, 10, TimeUnit.SECONDS));
        producerSide.close(); // the producing TaskManager goes away without an end of partition
        assertTrue(arrivals.tryAcquire(1, 10, TimeUnit.SECONDS), "the failure wakes the consumer");
        IllegalStateException failure = assertThrows(IllegalStateException.class, queue::poll);
        assertTrue(failure.getMessage().contains("Lost the connection from producer channel " + CHANNEL),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("restart"), failure.getMessage());
    }

    @Test
    void lostConsumerFailsTheProducerAtItsNextPush() throws Exception {
        BufferPool pool = new BufferPool(64, 256);
        BufferReceiver channel = producerSide.receiver(consumer, CHANNEL);
        channel.push(filled(pool, 1));
        assertTrue(arrivals.tryAcquire(1, 10, TimeUnit.SECONDS));
        consumerSide.close();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> {
            while (true) { // the loss is noticed on the connection's thread; pushes fail from then on
                Buffer buffer = pool.request();
                channel.push(buffer);
            }
        });
        assertTrue(failure.getMessage().contains("Lost the connection of channel " + CHANNEL), failure.getMessage());
    }

    @Test
    void aConsumerInTheSameTaskManagerIsReadInMemory() {
        NetworkExchange alone = new NetworkExchange(new InetSocketAddress("127.0.0.1", 0), key -> null, 2, 256);
        try {
            assertTrue(alone.receiver(consumer, CHANNEL) == alone.inputQueue(consumer));
        } finally {
            alone.close();
        }
    }

    @Test
    void unreachableTaskManagerIsNamedInTheError() {
        InetSocketAddress closedPort = consumerSide.address();
        consumerSide.close();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> producerSide.receiver(consumer, CHANNEL));
        assertTrue(failure.getMessage().contains(closedPort.toString()), failure.getMessage());
        consumerSide = new NetworkExchange(new InetSocketAddress("127.0.0.1", 0), key -> null, 2, 256);
    }

    private RecordWriter<Integer> writer(BufferPool pool, BufferReceiver target) {
        return new RecordWriter<>(INTS, pool, new BufferReceiver[] {target}, new int[] {CHANNEL}, new int[] {0},
                null, false);
    }

    private static Buffer filled(BufferPool pool, int value) throws Exception {
        Buffer buffer = pool.request();
        buffer.data().writeInt(value);
        return buffer;
    }

    private static int intAt(Buffer buffer) {
        return intAt(java.util.Arrays.copyOf(buffer.bytes(), buffer.length()));
    }

    private static int intAt(byte[] bytes) {
        return java.nio.ByteBuffer.wrap(bytes).getInt();
    }

    /** Records as their value, watermarks as {@code -timestamp - 1}. */
    private List<Long> readUntilEndOfPartition() throws Exception {
        List<Long> elements = new ArrayList<>();
        DataInputDeserializer in = new DataInputDeserializer();
        while (true) {
            Buffer buffer = queue.poll();
            if (buffer == null) {
                assertTrue(arrivals.tryAcquire(1, 10, TimeUnit.SECONDS), "buffers keep coming");
                continue;
            }
            assertEquals(CHANNEL, buffer.channel());
            in.setBuffer(buffer.bytes(), 0, buffer.length());
            while (in.available() > 0) {
                byte tag = in.readByte();
                switch (tag) {
                    case ElementTag.RECORD_WITH_TIMESTAMP -> {
                        in.readLong();
                        elements.add((long) INTS.deserialize(in));
                    }
                    case ElementTag.WATERMARK -> elements.add(-in.readLong() - 1);
                    case ElementTag.END_OF_PARTITION -> {
                        buffer.recycle();
                        return elements;
                    }
                    default -> throw new AssertionError("unexpected element tag " + tag);
                }
            }
            buffer.recycle();
        }
    }
}
