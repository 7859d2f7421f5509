package io.weir.api.types.serializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.PojoField;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The generated field access of the POJO serializer: private fields of every type go through a
 * hidden class of the POJO's nest, inherited and final fields through reflection, and a POJO mixing
 * them round-trips and copies with the same bytes as through reflection alone.
 */
class PojoFieldAccessTest {
    /** Inherited fields: the subclass's generated class cannot reach them. */
    public static class Base {
        private String inherited;
        private long inheritedCount;

        public String getInherited() {
            return inherited;
        }

        public void setInherited(String inherited) {
            this.inherited = inherited;
        }

        public long getInheritedCount() {
            return inheritedCount;
        }

        public void setInheritedCount(long inheritedCount) {
            this.inheritedCount = inheritedCount;
        }
    }

    /** A nested POJO of public fields. */
    public static class Leaf {
        public int id;
        public String label;

        public Leaf() {}

        Leaf(int id, String label) {
            this.id = id;
            this.label = label;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Leaf l && id == l.id && Objects.equals(label, l.label);
        }

        @Override
        public int hashCode() {
            return id;
        }
    }

    /** Private fields with accessors, of every kind, a public final field, and inherited ones. */
    public static class Mixed extends Base {
        public final String fixed = "fixed";
        private int[] numbers;
        private String name;
        private boolean flag;
        private byte small;
        private char letter;
        private short medium;
        private int count;
        private long total;
        private float ratio;
        private double amount;
        private Leaf[] children;

        public Mixed() {}

        // getters and setters, so that the private fields make a POJO
        public int[] getNumbers() {
            return numbers;
        }

        public void setNumbers(int[] numbers) {
            this.numbers = numbers;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public boolean isFlag() {
            return flag;
        }

        public void setFlag(boolean flag) {
            this.flag = flag;
        }

        public byte getSmall() {
            return small;
        }

        public void setSmall(byte small) {
            this.small = small;
        }

        public char getLetter() {
            return letter;
        }

        public void setLetter(char letter) {
            this.letter = letter;
        }

        public short getMedium() {
            return medium;
        }

        public void setMedium(short medium) {
            this.medium = medium;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public long getTotal() {
            return total;
        }

        public void setTotal(long total) {
            this.total = total;
        }

        public float getRatio() {
            return ratio;
        }

        public void setRatio(float ratio) {
            this.ratio = ratio;
        }

        public double getAmount() {
            return amount;
        }

        public void setAmount(double amount) {
            this.amount = amount;
        }

        public Leaf[] getChildren() {
            return children;
        }

        public void setChildren(Leaf[] children) {
            this.children = children;
        }

        static Mixed sample(int id) {
            Mixed m = new Mixed();
            m.setInherited("base-" + id);
            m.setInheritedCount(-id);
            m.numbers = new int[] {id, 2, 3};
            m.name = "name-" + id;
            m.flag = true;
            m.small = -7;
            m.letter = 'ß';
            m.medium = -12_345;
            m.count = id;
            m.total = Long.MIN_VALUE + id;
            m.ratio = 0.25f;
            m.amount = -1.5e300;
            return m;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Mixed m && Objects.equals(getInherited(), m.getInherited())
                    && getInheritedCount() == m.getInheritedCount() && fixed.equals(m.fixed)
                    && Arrays.equals(numbers, m.numbers) && Objects.equals(name, m.name) && flag == m.flag
                    && small == m.small && letter == m.letter && medium == m.medium && count == m.count
                    && total == m.total && ratio == m.ratio && amount == m.amount
                    && Arrays.equals(children, m.children);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, count);
        }
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Mixed> serializer() {
        TypeSerializer<Mixed> serializer = TypeInformation.of(Mixed.class).createSerializer(new SerializerConfig());
        return assertInstanceOf(PojoSerializer.class, serializer);
    }

    private static PojoField[] fields() {
        return serializer().fields();
    }

    @Test
    void ownFieldsUseAGeneratedClassAndTheOthersReflection() {
        PojoField[] fields = fields();
        PojoFieldAccess[] access = FieldAccessClassWriter.accessPerField(Mixed.class, fields);
        PojoFieldAccess generated = null;
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].getName();
            if (List.of("inherited", "inheritedCount", "fixed").contains(name)) {
                assertInstanceOf(ReflectiveFieldAccess.class, access[i], name);
            } else {
                assertTrue(access[i].getClass().isHidden(), name + " goes through " + access[i].getClass());
                generated = generated == null ? access[i] : generated;
                assertSame(generated, access[i], "one class per POJO");
            }
        }
        assertSame(generated, FieldAccessClassWriter.accessPerField(Mixed.class, fields)[indexOf(fields, "name")],
                "generated once per POJO class and set of fields");
    }

    @Test
    void generatedAccessReadsAndWritesEveryKindOfField() {
        PojoField[] fields = fields();
        PojoFieldAccess access = FieldAccessClassWriter.accessPerField(Mixed.class, fields)[indexOf(fields, "name")];
        Mixed m = Mixed.sample(5);
        assertEquals("name-5", access.get(m, indexOf(fields, "name")));
        access.set(m, indexOf(fields, "name"), "other");
        assertEquals("other", m.getName());
        access.setInt(m, indexOf(fields, "count"), 42);
        assertEquals(42, access.getInt(m, indexOf(fields, "count")));
        access.setLong(m, indexOf(fields, "total"), 7L);
        assertEquals(7L, m.getTotal());
        access.setDouble(m, indexOf(fields, "amount"), 2.5);
        assertEquals(2.5, access.getDouble(m, indexOf(fields, "amount")));
        access.setFloat(m, indexOf(fields, "ratio"), 1.5f);
        assertEquals(1.5f, m.getRatio());
        access.setBoolean(m, indexOf(fields, "flag"), false);
        assertEquals(false, access.getBoolean(m, indexOf(fields, "flag")));
        access.setShort(m, indexOf(fields, "medium"), (short) 9);
        assertEquals((short) 9, m.getMedium());
        access.setByte(m, indexOf(fields, "small"), (byte) 3);
        assertEquals((byte) 3, access.getByte(m, indexOf(fields, "small")));
        access.setChar(m, indexOf(fields, "letter"), 'x');
        assertEquals('x', m.getLetter());
        Object created = access.newInstance();
        assertEquals(Mixed.class, created.getClass());
        assertEquals("fixed", ((Mixed) created).fixed, "made by the constructor");
    }

    /** Only inherited fields: nothing to generate; instances come from the constructor's method handle. */
    public static class OnlyInherited extends Base {
        public OnlyInherited() {}
    }

    @Test
    void pojoWithoutOwnFieldsUsesReflectionOnly() throws Exception {
        @SuppressWarnings("unchecked")
        PojoSerializer<OnlyInherited> serializer = assertInstanceOf(PojoSerializer.class,
                TypeInformation.of(OnlyInherited.class).createSerializer(new SerializerConfig()));
        for (PojoFieldAccess access : FieldAccessClassWriter.accessPerField(OnlyInherited.class, serializer.fields())) {
            assertInstanceOf(ReflectiveFieldAccess.class, access);
        }
        OnlyInherited value = new OnlyInherited();
        value.setInherited("x");
        value.setInheritedCount(3);
        DataOutputSerializer out = new DataOutputSerializer(16);
        serializer.serialize(value, out);
        OnlyInherited read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals("x", read.getInherited());
        assertEquals(3, read.getInheritedCount());
        assertEquals(OnlyInherited.class, serializer.createInstance().getClass());
    }

    @Test
    void mixedPojoRoundTripsAndCopiesWithTheBytesOfReflection() throws Exception {
        PojoSerializer<Mixed> serializer = serializer();
        Mixed sample = Mixed.sample(1);
        sample.setChildren(new Leaf[] {new Leaf(2, "two"), null});
        DataOutputSerializer out = new DataOutputSerializer(16);
        serializer.serialize(sample, out);
        assertEquals(sample, serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));

        Mixed copy = serializer.copy(sample);
        assertEquals(sample, copy);
        assertNotSame(sample.getNumbers(), copy.getNumbers());
        assertNotSame(sample.getChildren()[0], copy.getChildren()[0]);
        assertNull(copy.getChildren()[1]);

        // the same fields through reflection alone write the same bytes
        assertArrayEquals(out.getCopyOfBuffer(), reflectiveBytes(sample));
    }

    /** {@code sample} written the way the serializer writes it, every field through reflection. */
    private static byte[] reflectiveBytes(Mixed sample) throws Exception {
        PojoSerializer<Mixed> serializer = serializer();
        PojoField[] fields = serializer.fields();
        TypeSerializer<?>[] fieldSerializers = serializer.fieldSerializers();
        ReflectiveFieldAccess reflective = new ReflectiveFieldAccess(fields);
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeByte(0);
        for (int group = 0; group < fields.length; group += 8) {
            int end = Math.min(group + 8, fields.length);
            int mask = 0;
            for (int i = group; i < end; i++) {
                if (reflective.get(sample, i) == null) {
                    mask |= 1 << (i - group);
                }
            }
            out.writeByte(mask);
            for (int i = group; i < end; i++) {
                Object value = reflective.get(sample, i);
                if (value != null) {
                    @SuppressWarnings("unchecked")
                    TypeSerializer<Object> s = (TypeSerializer<Object>) fieldSerializers[i];
                    s.serialize(value, out);
                }
            }
        }
        return out.getCopyOfBuffer();
    }

    /** Defines {@link UserCodePojo} itself and leaves every other class to its parent. */
    private static final class UserCodeClassLoader extends ClassLoader {
        UserCodeClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(UserCodePojo.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (java.io.InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (java.io.IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }

    @Test
    void pojoOfAUserCodeClassLoaderGetsAGeneratedClassToo() throws Exception {
        Class<?> userClass = new UserCodeClassLoader(getClass().getClassLoader()).loadClass(UserCodePojo.class.getName());
        assertNotSame(UserCodePojo.class, userClass);
        @SuppressWarnings("unchecked")
        PojoSerializer<Object> serializer = assertInstanceOf(PojoSerializer.class,
                TypeInformation.of(userClass).createSerializer(new SerializerConfig()));
        PojoField[] fields = serializer.fields();
        for (PojoFieldAccess access : FieldAccessClassWriter.accessPerField(userClass, fields)) {
            assertTrue(access.getClass().isHidden(), "generated in the user-code loader's module: " + access.getClass());
        }
        Object value = serializer.createInstance();
        assertEquals(userClass, value.getClass());
        userClass.getMethod("setName", String.class).invoke(value, "user");
        userClass.getMethod("setCount", int.class).invoke(value, 42);
        DataOutputSerializer out = new DataOutputSerializer(16);
        serializer.serialize(value, out);
        Object read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals("user", userClass.getMethod("getName").invoke(read));
        assertEquals(42, userClass.getMethod("getCount").invoke(read));
    }

    private static int indexOf(PojoField[] fields, String name) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no field " + name);
    }
}
