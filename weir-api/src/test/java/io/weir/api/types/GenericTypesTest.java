package io.weir.api.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The generic fallback as seen from weir-api alone, where no generic serializer is on the classpath. */
class GenericTypesTest {

    @Test
    void withoutTheRuntimeTheErrorSaysToAddIt() {
        InvalidTypesException e = assertThrows(InvalidTypesException.class,
                () -> Types.GENERIC(StringBuilder.class).createSerializer(new SerializerConfig()));
        assertTrue(e.getMessage().contains("add weir-runtime to the classpath"), e.getMessage());
        assertTrue(e.getMessage().contains("java.lang.StringBuilder"), e.getMessage());
    }

    @Test
    void disabledGenericTypesFailNamingTheType() {
        SerializerConfig config = new SerializerConfig().setGenericTypes(false);
        assertTrue(config.hasGenericTypesDisabled());
        TypeInformation<TestTypes.Person> pojoWithGenericField = Types.POJO(TestTypes.Person.class, java.util.Map.of(
                "tags", Types.GENERIC(java.util.List.class)));
        InvalidTypesException e = assertThrows(InvalidTypesException.class,
                () -> pojoWithGenericField.createSerializer(config));
        assertTrue(e.getMessage().startsWith("Generic types are disabled"), e.getMessage());
        assertTrue(e.getMessage().contains("java.util.List would need the generic serializer"), e.getMessage());
        // Types with specific serializers are unaffected.
        TypeInformation.of(TestTypes.Account.class).createSerializer(config);
    }

    @Test
    void configEqualityCoversRegistrations() {
        SerializerConfig a = new SerializerConfig().registerKryoType(String.class);
        SerializerConfig b = new SerializerConfig().registerKryoType(String.class);
        assertEquals(a, b);
        assertEquals(a, SerializerAssertions.javaRoundTrip(a));
        assertFalse(a.equals(new SerializerConfig()));
    }
}
