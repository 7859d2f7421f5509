package io.weir.api.connector.source;

import java.io.IOException;

/** Serializes splits and other connector objects with a version, so old bytes stay readable. */
public interface SimpleVersionedSerializer<E> {
    int getVersion();

    byte[] serialize(E obj) throws IOException;

    E deserialize(int version, byte[] serialized) throws IOException;
}
