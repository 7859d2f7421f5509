package io.weir.runtime.task;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.functions.KeySelector;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.sort.ExternalSorter;
import io.weir.runtime.sort.SortedEntries;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.HeapTimerServices;
import java.util.Arrays;

/**
 * The input of a keyed head operator in BATCH execution: reads all records of its keyed inputs
 * into an {@link ExternalSorter} (by serialized key, then timestamp), and once every channel has
 * ended hands them to the operator one key after another. When a key's records are done, the
 * key's event-time timers fire as if the watermark had reached {@code Long.MAX_VALUE}, then its
 * processing-time timers; timers registered by those firings are ignored; then the key's state is
 * dropped. So keyed state and timers never hold more than one key, and no record is late. After
 * the last key the operator gets the final watermark and, per sorted input of an operator with
 * several inputs, its end of input.
 *
 * <p>A two-input or multiple-input operator whose inputs are keyed gets them all through the one
 * sorter, so it sees all records of a key from every input before the next key, in timestamp
 * order across them. An unkeyed input (the broadcast side of a keyed broadcast connect) is not sorted: it
 * reaches the operator as it arrives, so it is consumed completely before the first keyed record.
 *
 * <p>Without a key serializer (and without state and timers) the input only holds its sorted
 * inputs back, in arrival order, until every channel has ended: the non-broadcast side of a
 * non-keyed broadcast {@code connect} in BATCH mode, which so sees the whole broadcast side first.
 *
 * <p>Threading: used by the task's thread only. Replaying yields to the mailbox between records,
 * like {@link NetworkInput}.
 */
final class SortedKeyedInput implements TaskInput {
    private static final int RECORDS_PER_TURN = 1024;

    private final HeadInput<?>[] direct;
    private final KeySelector<Object, ?>[] keySelectors;
    private final TypeSerializer<Object> keySerializer;
    private final TypeSerializer<Object>[] serializers;
    private final ExternalSorter sorter;
    private final HeapTimerServices<?> timers;
    private final HeapKeyedStateBackend<?> backend;
    private final DataOutputSerializer keyOut = new DataOutputSerializer(64);
    private final DataOutputSerializer payloadOut = new DataOutputSerializer(256);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private final StreamRecord<Object>[] records;
    private NetworkInput network;
    private Mailbox mailbox;
    private SortedEntries sorted;
    private byte[] currentKey = new byte[64];
    private int currentKeyLength = -1;
    private boolean ended;

    /**
     * What a sorted input needs to know of its operator's keys: their serializer, and the state
     * and timers to end key by key. All {@code null} for an input that only holds records back.
     */
    record KeyScope(TypeSerializer<?> keySerializer, HeapKeyedStateBackend<?> backend, HeapTimerServices<?> timers) {
        static final KeyScope HOLD_BACK = new KeyScope(null, null, null);
    }

    /**
     * @param direct per input index, what hands a record to the operator
     * @param keySelectors per input index, the key of its records; {@code null} for an input that
     *     is not sorted (reaches the operator directly)
     * @param serializers per input index, the serializer of its records
     * @param keys the operator's keys, or {@link KeyScope#HOLD_BACK} to hold records back in
     *     arrival order instead of sorting them
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    SortedKeyedInput(HeadInput<?>[] direct, KeySelector<?, ?>[] keySelectors, TypeSerializer<?>[] serializers,
            ExternalSorter sorter, KeyScope keys) {
        this.direct = direct.clone();
        this.keySelectors = (KeySelector<Object, ?>[]) keySelectors.clone();
        this.keySerializer = (TypeSerializer<Object>) keys.keySerializer();
        this.serializers = (TypeSerializer<Object>[]) serializers.clone();
        this.sorter = sorter;
        this.backend = keys.backend();
        this.timers = keys.timers();
        this.records = new StreamRecord[direct.length];
        for (int i = 0; i < records.length; i++) {
            records[i] = new StreamRecord<>(null);
        }
        if (timers != null) {
            timers.fireTimersKeyByKey();
        }
    }

    /** The network input that fills the sorter; set once, before {@link #start}. */
    void readFrom(NetworkInput networkInput) {
        this.network = networkInput;
    }

    /** Whether the input with this index is sorted (keyed), rather than handed to the operator as it arrives. */
    boolean sorts(int inputIndex) {
        return keySelectors[inputIndex] != null;
    }

    @Override
    public NetworkInput network() {
        return network;
    }

    @Override
    public void start(TaskWakeup wakeup, Mailbox mailbox) throws Exception {
        this.mailbox = mailbox;
        network.start(wakeup, mailbox);
    }

    /**
     * Adds a record of a sorted input (called by its {@link HeadInput#sorting} head): {@code value}
     * gives the key, {@code bytes[offset, offset + length)} is the value as its serializer wrote it.
     */
    void add(int inputIndex, Object value, boolean hasTimestamp, long timestamp, byte[] bytes, int offset, int length)
            throws Exception {
        keyOut.clear();
        if (keySerializer != null) {
            keySerializer.serialize(keySelectors[inputIndex].getKey(value), keyOut);
        }
        payloadOut.clear();
        payloadOut.writeByte(inputIndex);
        payloadOut.writeBoolean(hasTimestamp);
        if (keySerializer == null) {
            payloadOut.writeLong(timestamp);
        }
        payloadOut.write(bytes, offset, length);
        // held back (no key): one timestamp for all, so the stable sort keeps the arrival order
        long sortTimestamp = hasTimestamp && keySerializer != null ? timestamp : Long.MIN_VALUE;
        sorter.add(keyOut.getSharedBuffer(), 0, keyOut.length(), sortTimestamp, payloadOut.getSharedBuffer(), 0,
                payloadOut.length());
    }

    @Override
    public InputStatus processInput() throws Exception {
        if (ended) {
            return InputStatus.END_OF_INPUT;
        }
        if (sorted == null) {
            InputStatus status = network.processInput();
            if (status != InputStatus.END_OF_INPUT) {
                return status;
            }
            sorted = sorter.sorted();
        }
        for (int i = 0; i < RECORDS_PER_TURN; i++) {
            if (!sorted.next()) {
                finish();
                return InputStatus.END_OF_INPUT;
            }
            replay(sorted);
            if (mailbox.hasMail()) {
                break;
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void replay(SortedEntries entry) throws Exception {
        if (currentKeyLength < 0 || !entry.sameKey(currentKey, 0, currentKeyLength)) {
            if (currentKeyLength >= 0) {
                endKey();
            }
            if (entry.keyLength() > currentKey.length) {
                currentKey = new byte[Math.max(entry.keyLength(), currentKey.length * 2)];
            }
            System.arraycopy(entry.keyBytes(), entry.keyOffset(), currentKey, 0, entry.keyLength());
            currentKeyLength = entry.keyLength();
        }
        in.setBuffer(entry.payloadBytes(), entry.payloadOffset(), entry.payloadLength());
        int inputIndex = in.readByte();
        boolean hasTimestamp = in.readBoolean();
        long timestamp = keySerializer == null ? in.readLong() : entry.timestamp();
        StreamRecord<Object> record = records[inputIndex];
        Object value = serializers[inputIndex].deserialize(in);
        if (hasTimestamp) {
            record.replace(value, timestamp);
        } else {
            record.replace(value);
            record.eraseTimestamp();
        }
        ((HeadInput) direct[inputIndex]).process(record);
    }

    /** The current key's records are done: its timers fire, then its state goes. */
    private void endKey() throws Exception {
        if (timers != null) {
            timers.fireAtEndOfKey();
            backend.dropCurrentKey();
        }
    }

    private void finish() throws Exception {
        ended = true;
        if (currentKeyLength >= 0) {
            endKey();
        }
        sorter.close();
        for (int i = 0; i < direct.length; i++) {
            if (sorts(i)) {
                direct[i].processWatermark(Watermark.MAX_WATERMARK);
            }
        }
        for (int i = 0; i < direct.length; i++) {
            if (sorts(i)) {
                direct[i].endInput();
            }
        }
        Arrays.fill(records, null);
    }

    @Override
    public void release() {
        network.release();
        sorter.close();
    }
}
