package io.weir.formats.avro.typeutils;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSchemaCompatibility;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;

/**
 * The record class and the writer's schema of Avro data in a checkpoint. The same class and schema
 * take the data over as it is; any other schema is incompatible for now (Avro schema evolution of
 * state, with the old schema as writer's and the new as reader's, is not there yet).
 */
public final class AvroSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
    private AvroDatumCodec<T> codec;

    /** For restores, which create snapshots by class name. */
    public AvroSerializerSnapshot() {}

    AvroSerializerSnapshot(AvroDatumCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public int getCurrentVersion() {
        return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(codec.type().getName());
        out.writeBoolean(codec.isSpecific());
        byte[] schema = codec.schemaJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(schema.length);
        out.write(schema);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        String className = in.readUTF();
        boolean specific = in.readBoolean();
        byte[] schema = new byte[in.readInt()];
        in.readFully(schema);
        Class<T> type;
        try {
            type = (Class<T>) Class.forName(className, false, userCodeClassLoader);
        } catch (ClassNotFoundException e) {
            throw new IOException("The Avro record class " + className + " of the restored state is not on the classpath", e);
        }
        codec = AvroDatumCodec.restore(type, new String(schema, java.nio.charset.StandardCharsets.UTF_8), specific);
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return new AvroSerializer<>(codec);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
        if (!(oldSnapshot instanceof AvroSerializerSnapshot<T> old) || old.codec.type() != codec.type()) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        return old.codec.schema().equals(codec.schema()) ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
