package io.weir.api.datastream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.Types;
import org.junit.jupiter.api.Test;

class TaggedUnionTest {

    @Test
    void serializerKeepsTheSideAndTheValue() throws Exception {
        TypeSerializer<TaggedUnion<String, Long>> serializer =
                new TaggedUnion.UnionTypeInfo<>(Types.STRING, Types.LONG).createSerializer(new SerializerConfig());
        DataOutputSerializer out = new DataOutputSerializer(32);
        serializer.serialize(TaggedUnion.one("x"), out);
        serializer.serialize(TaggedUnion.two(7L), out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertEquals(TaggedUnion.one("x"), serializer.deserialize(in));
        assertEquals(TaggedUnion.two(7L), serializer.deserialize(in));
        assertEquals(TaggedUnion.two(7L), serializer.copy(TaggedUnion.two(7L)));
    }

    @Test
    void nullElementsAreRefused() {
        assertThrows(NullPointerException.class, () -> TaggedUnion.one(null));
    }
}
