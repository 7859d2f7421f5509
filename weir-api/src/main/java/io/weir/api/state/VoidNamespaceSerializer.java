package io.weir.api.state;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.serializers.ImmutableValueSerializer;
import java.io.IOException;

/** Serializes the one {@link VoidNamespace} as a single byte, so timers and state keep a namespace slot. */
public final class VoidNamespaceSerializer extends ImmutableValueSerializer<VoidNamespace> {
    private static final long serialVersionUID = 1L;

    public static final VoidNamespaceSerializer INSTANCE = new VoidNamespaceSerializer();

    @Override
    public VoidNamespace createInstance() {
        return VoidNamespace.INSTANCE;
    }

    @Override
    public int getLength() {
        return 1;
    }

    @Override
    public void serialize(VoidNamespace record, DataOutputView target) throws IOException {
        target.writeByte(0);
    }

    @Override
    public VoidNamespace deserialize(DataInputView source) throws IOException {
        source.readByte();
        return VoidNamespace.INSTANCE;
    }
}
