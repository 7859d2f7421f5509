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
 * The generated field access of the POJO serializer: every field goes through a hidden class of the
 * POJO's nest (its own fields by {@code getfield} / {@code putfield}, final fields set and inherited
 * fields read and written through constant method handles), and a POJO mixing them round-trips and
 * copies with the same bytes as through reflection alone.
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
    void everyFieldGoesThroughOneGeneratedClass() {
        PojoField[] fields = fields();
        PojoFieldAccess[] access = FieldAccessClassWriter.accessPerField(Mixed.class, fields);
        PojoFieldAccess generated = access[0];
        assertTrue(generated.getClass().isHidden(), "generated: " + generated.getClass());
        for (int i = 0; i < fields.length; i++) {
            // own fields by getfield / putfield, the final one set and the inherited ones read and
            // written through method handles held in static final fields of the generated class
            assertSame(generated, access[i], fields[i].getName() + ": one class per POJO");
        }
        assertSame(generated, FieldAccessClassWriter.accessPerField(Mixed.class, fields)[indexOf(fields, "name")],
                "generated once per POJO class and set of fields");
    }

    @Test
    void generatedAccessReadsAndWritesEveryKindOfField() throws Exception {
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
        access.set(m, indexOf(fields, "fixed"), "changed");
        // "fixed" is a constant javac inlines where the field is named: read it as the serializer does
        assertEquals("changed", Mixed.class.getField("fixed").get(m), "a final field, set through a method handle");
        access.set(m, indexOf(fields, "inherited"), "base");
        assertEquals("base", access.get(m, indexOf(fields, "inherited")));
        access.setLong(m, indexOf(fields, "inheritedCount"), 11L);
        assertEquals(11L, access.getLong(m, indexOf(fields, "inheritedCount")));
        assertEquals(11L, m.getInheritedCount());
        Object created = access.newInstance();
        assertEquals(Mixed.class, created.getClass());
        assertEquals("fixed", ((Mixed) created).fixed, "made by the constructor");
    }

    /** Only inherited fields: the generated class reaches them through method handles. */
    public static class OnlyInherited extends Base {
        public OnlyInherited() {}
    }

    @Test
    void pojoWithOnlyInheritedFieldsGetsAGeneratedClass() throws Exception {
        @SuppressWarnings("unchecked")
        PojoSerializer<OnlyInherited> serializer = assertInstanceOf(PojoSerializer.class,
                TypeInformation.of(OnlyInherited.class).createSerializer(new SerializerConfig()));
        for (PojoFieldAccess access : FieldAccessClassWriter.accessPerField(OnlyInherited.class, serializer.fields())) {
            assertTrue(access.getClass().isHidden(), "generated: " + access.getClass());
        }
        OnlyInherited value = new OnlyInherited();
        value.setInherited("x");
        value.setInheritedCount(3);
        DataOutputSerializer out = new DataOutputSerializer(16);
        serializer.serialize(value, out);
        assertArrayEquals(out.getCopyOfBuffer(), reflectiveBytes(serializer, value));
        OnlyInherited read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals("x", read.getInherited());
        assertEquals(3, read.getInheritedCount());
        assertEquals(OnlyInherited.class, serializer.createInstance().getClass());
    }

    /** Public final fields and a no-arg constructor, as the window benchmarks' record. */
    public static final class FinalFields {
        public final int key;
        public final long value;
        public final String label;
        public final double[] weights;

        public FinalFields() {
            this(0, 0, null, null);
        }

        FinalFields(int key, long value, String label, double[] weights) {
            this.key = key;
            this.value = value;
            this.label = label;
            this.weights = weights;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FinalFields f && key == f.key && value == f.value && Objects.equals(label, f.label)
                    && Arrays.equals(weights, f.weights);
        }

        @Override
        public int hashCode() {
            return key;
        }
    }

    @Test
    void finalFieldsAreSetThroughTheGeneratedClassWithTheBytesOfReflection() throws Exception {
        @SuppressWarnings("unchecked")
        PojoSerializer<FinalFields> serializer = assertInstanceOf(PojoSerializer.class,
                TypeInformation.of(FinalFields.class).createSerializer(new SerializerConfig()));
        for (PojoFieldAccess access : FieldAccessClassWriter.accessPerField(FinalFields.class, serializer.fields())) {
            assertTrue(access.getClass().isHidden(), "generated: " + access.getClass());
        }
        for (FinalFields value : List.of(new FinalFields(7, Long.MAX_VALUE, "seven", new double[] {0.5, -1}),
                new FinalFields(-1, 0, null, null))) {
            DataOutputSerializer out = new DataOutputSerializer(16);
            serializer.serialize(value, out);
            assertArrayEquals(reflectiveBytes(serializer, value), out.getCopyOfBuffer());
            FinalFields read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertEquals(value, read);
            FinalFields copy = serializer.copy(value);
            assertEquals(value, copy);
            if (value.weights != null) {
                assertNotSame(value.weights, copy.weights);
            }
            // a serializer of a new instance (as after a restore) reads what this one wrote
            @SuppressWarnings("unchecked")
            PojoSerializer<FinalFields> other = (PojoSerializer<FinalFields>) serializer.duplicate();
            assertEquals(value, other.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));
        }
    }

    /** A Java record is not a POJO: it keeps its own serializer and its canonical constructor. */
    public record Point(int x, String name) {}

    @Test
    void recordsKeepTheirOwnSerializer() throws Exception {
        TypeSerializer<Point> serializer = TypeInformation.of(Point.class).createSerializer(new SerializerConfig());
        assertInstanceOf(RecordSerializer.class, serializer);
        DataOutputSerializer out = new DataOutputSerializer(16);
        serializer.serialize(new Point(3, "p"), out);
        assertEquals(new Point(3, "p"), serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));
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
        assertArrayEquals(out.getCopyOfBuffer(), reflectiveBytes(serializer(), sample));
    }

    /** {@code sample} written the way the serializer writes it, every field through reflection. */
    private static byte[] reflectiveBytes(PojoSerializer<?> serializer, Object sample) throws Exception {
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

    /** The base of {@link UserCodePojo}, loaded by the test's own loader. */
    public static class UserCodeBase {
        private String inherited;

        public String getInherited() {
            return inherited;
        }

        public void setInherited(String inherited) {
            this.inherited = inherited;
        }
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
        Object value = userClass.getConstructor(long.class).newInstance(7L);
        assertEquals(userClass, serializer.createInstance().getClass());
        userClass.getMethod("setName", String.class).invoke(value, "user");
        userClass.getMethod("setCount", int.class).invoke(value, 42);
        userClass.getMethod("setInherited", String.class).invoke(value, "from the base");
        DataOutputSerializer out = new DataOutputSerializer(16);
        serializer.serialize(value, out);
        assertArrayEquals(reflectiveBytes(serializer, value), out.getCopyOfBuffer());
        Object read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals("user", userClass.getMethod("getName").invoke(read));
        assertEquals(42, userClass.getMethod("getCount").invoke(read));
        assertEquals("from the base", userClass.getMethod("getInherited").invoke(read));
        assertEquals(7L, userClass.getField("version").get(read), "a final field, written by the serializer");
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
