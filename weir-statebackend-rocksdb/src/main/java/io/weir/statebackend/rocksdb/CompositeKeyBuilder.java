package io.weir.statebackend.rocksdb;

import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Builds the RocksDB keys of the current key: {@code key group (2 bytes, big-endian) | key length
 * (4) | key | namespace length (4) | namespace}, followed by the serialized user key for map state.
 * The key group first makes a key group one contiguous, ordered range of the database (snapshots
 * and rescaling read by key group); the lengths make every part recoverable without its
 * serializer, so a canonical snapshot can be written by copying bytes.
 *
 * <p>The key part is serialized once per key and reused for every state access under that key.
 *
 * <p>Threading: the task's thread only.
 */
final class CompositeKeyBuilder<K> {
    static final int KEY_GROUP_BYTES = 2;

    private final TypeSerializer<K> keySerializer;
    private final DataOutputSerializer out = new DataOutputSerializer(64);
    private K key;
    private int keyGroup;
    /** Where the namespace part starts in {@link #out}; -1 when the key part must be written again. */
    private int keyEnd = -1;
    /** Counts the keys built, so a caller can tell whether {@link #sharedBuffer} still holds its key. */
    private int builds;

    CompositeKeyBuilder(TypeSerializer<K> keySerializer) {
        this.keySerializer = keySerializer;
    }

    void setKey(K key, int keyGroup) {
        this.key = key;
        this.keyGroup = keyGroup;
        this.keyEnd = -1;
    }

    /** The RocksDB key of the current key in {@code namespace}. */
    <N> byte[] build(N namespace, TypeSerializer<N> namespaceSerializer) {
        try {
            writeKeyAndNamespace(namespace, namespaceSerializer);
            return out.getCopyOfBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the RocksDB key of the current key in {@code namespace} into {@link #sharedBuffer},
     * without copying it, and returns its length: valid until the next key is built.
     */
    <N> int buildShared(N namespace, TypeSerializer<N> namespaceSerializer) {
        try {
            writeKeyAndNamespace(namespace, namespaceSerializer);
            return out.length();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The buffer {@link #buildShared} writes into (it may be replaced when a longer key is built). */
    byte[] sharedBuffer() {
        return out.getSharedBuffer();
    }

    /** How many keys were built so far: the key of {@link #buildShared} is intact while this does not change. */
    int builds() {
        return builds;
    }

    /** The RocksDB key of one entry of a map state: the key of the current key and namespace, then the user key. */
    <N, UK> byte[] buildWithUserKey(N namespace, TypeSerializer<N> namespaceSerializer, UK userKey,
            TypeSerializer<UK> userKeySerializer) {
        try {
            writeKeyAndNamespace(namespace, namespaceSerializer);
            userKeySerializer.serialize(userKey, out);
            return out.getCopyOfBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <N> void writeKeyAndNamespace(N namespace, TypeSerializer<N> namespaceSerializer) throws IOException {
        builds++;
        if (keyEnd < 0) {
            out.clear();
            out.writeShort(keyGroup);
            writeLengthPrefixed(key, keySerializer);
            keyEnd = out.length();
        } else {
            out.setPosition(keyEnd);
        }
        writeLengthPrefixed(namespace, namespaceSerializer);
    }

    private <T> void writeLengthPrefixed(T value, TypeSerializer<T> serializer) throws IOException {
        int lengthField = out.length();
        out.writeInt(0);
        serializer.serialize(value, out);
        int end = out.length();
        out.setPosition(lengthField);
        out.writeInt(end - lengthField - 4);
        out.setPosition(end);
    }

    /** The first RocksDB key of {@code keyGroup}: every key of the group starts with these bytes. */
    static byte[] keyGroupPrefix(int keyGroup) {
        return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
    }

    static int keyGroupOf(byte[] rocksKey) {
        return ((rocksKey[0] & 0xff) << 8) | (rocksKey[1] & 0xff);
    }

    /** Where the parts of a RocksDB key are: offsets and lengths of key, namespace and user key. */
    record Parts(int keyOffset, int keyLength, int namespaceOffset, int namespaceLength, int userKeyOffset) {
        static Parts of(byte[] rocksKey) {
            int keyLength = readInt(rocksKey, KEY_GROUP_BYTES);
            int keyOffset = KEY_GROUP_BYTES + 4;
            int namespaceLength = readInt(rocksKey, keyOffset + keyLength);
            int namespaceOffset = keyOffset + keyLength + 4;
            return new Parts(keyOffset, keyLength, namespaceOffset, namespaceLength, namespaceOffset + namespaceLength);
        }

        /** The length of the part shared by all entries of one (key, namespace) of a map state. */
        int prefixLength() {
            return userKeyOffset;
        }

        <K> K key(byte[] rocksKey, TypeSerializer<K> serializer) throws IOException {
            return serializer.deserialize(new DataInputDeserializer(rocksKey, keyOffset, keyLength));
        }
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16) | ((bytes[offset + 2] & 0xff) << 8)
                | (bytes[offset + 3] & 0xff);
    }
}
