package io.weir.api.types.serializers;

import io.weir.api.types.PojoField;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates, per POJO class, a {@link PojoFieldAccess} whose methods read and write the fields
 * directly. Why: a method handle or {@link Field} kept in a serializer's field is not a constant
 * to the JIT, so every access through it is an indirect call with type checks (issue 9's profile of
 * {@code serializerPojo}: a quarter of the CPU time); a {@code getfield} in a class of the POJO's own
 * is inlined like hand-written code.
 *
 * <p>The class is a hidden class in the POJO's nest (so it reaches private fields), defined with
 * {@link MethodHandles.Lookup#defineHiddenClass}. That needs a lookup with full privilege in the
 * POJO's module; when the POJO comes from another module than weir-api (a job's user-code class
 * loader has an unnamed module of its own), a public class {@code WeirModuleLookup} is defined once
 * in the POJO's package to hand out such a lookup. It gives nothing an unnamed module does not
 * already give: every package of an unnamed module is open to reflection. Per field type ({@code Object} for references,
 * then each primitive type) it has a getter {@code get<Type>(Object pojo, int field)} and a setter
 * {@code set<Type>(Object pojo, int field, <type> value)}, each a {@code tableswitch} on the field
 * index with one {@code getfield} or {@code putfield} per case; and {@code newInstance()}, the POJO's
 * no-arg constructor called directly. The class file has version 49, which
 * needs no stack map frames; it is written here byte by byte (the JDK 17 has no public class-file
 * API, and weir-api depends on the JDK only).
 *
 * <p>Fields it cannot reach directly, and all fields of a class beside which no class can be
 * defined, use {@link ReflectiveFieldAccess}: inherited fields (they belong to another class's
 * nest), final fields ({@code putfield} on them fails outside their class), fields whose type the
 * POJO's package cannot name, hidden POJO classes, and classes loaded where weir-api's interface is
 * not the one this class sees. The bytes the serializer writes do not depend on the access path.
 *
 * <p>Threading: {@link #accessPerField} may be called from any thread; one class is generated per
 * POJO class and set of fields, and cached with the class.
 */
final class FieldAccessClassWriter {
    private static final System.Logger LOG = System.getLogger(FieldAccessClassWriter.class.getName());
    private static final ClassValue<Map<List<String>, PojoFieldAccess>> GENERATED = new ClassValue<>() {
        @Override
        protected Map<List<String>, PojoFieldAccess> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    /** Stands for "no class could be generated" in the cache (a ConcurrentHashMap holds no null). */
    private static final PojoFieldAccess NONE = new PojoFieldAccess() {};

    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_SUPER = 0x0020;
    private static final int CLASS_FILE_VERSION = 49;

    /** A field type: its accessor names' suffix, descriptor, and the opcodes to load and return it. */
    private enum Kind {
        OBJECT("", "Ljava/lang/Object;", 0x2D /* aload_3 */, 0xB0 /* areturn */, 1),
        INT("Int", "I", 0x1D /* iload_3 */, 0xAC /* ireturn */, 1),
        LONG("Long", "J", 0x21 /* lload_3 */, 0xAD /* lreturn */, 2),
        DOUBLE("Double", "D", 0x29 /* dload_3 */, 0xAF /* dreturn */, 2),
        FLOAT("Float", "F", 0x25 /* fload_3 */, 0xAE /* freturn */, 1),
        BOOLEAN("Boolean", "Z", 0x1D, 0xAC, 1),
        SHORT("Short", "S", 0x1D, 0xAC, 1),
        BYTE("Byte", "B", 0x1D, 0xAC, 1),
        CHAR("Char", "C", 0x1D, 0xAC, 1);

        final String suffix;
        final String descriptor;
        final int load;
        final int returnOp;
        final int slots;

        Kind(String suffix, String descriptor, int load, int returnOp, int slots) {
            this.suffix = suffix;
            this.descriptor = descriptor;
            this.load = load;
            this.returnOp = returnOp;
            this.slots = slots;
        }

        static Kind of(Class<?> type) {
            if (!type.isPrimitive()) {
                return OBJECT;
            }
            for (Kind kind : values()) {
                if (kind.descriptor.equals(type.descriptorString())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("No accessor kind for " + type);
        }
    }

    private FieldAccessClassWriter() {
    }

    /**
     * The access for each field ({@code null} where the field is {@code null}): the generated class
     * where it can reach the field, else reflection.
     */
    static PojoFieldAccess[] accessPerField(Class<?> pojoClass, PojoField[] fields) {
        boolean[] direct = new boolean[fields.length];
        for (int i = 0; i < fields.length; i++) {
            direct[i] = fields[i] != null && reachable(pojoClass, fields[i].getField());
        }
        // the cache key: the directly accessed fields' names at their indices, "" elsewhere
        List<String> key = new ArrayList<>(fields.length);
        boolean any = false;
        for (int i = 0; i < fields.length; i++) {
            key.add(direct[i] ? fields[i].getName() : "");
            any |= direct[i];
        }
        PojoFieldAccess generated = any
                ? GENERATED.get(pojoClass).computeIfAbsent(key, k -> generate(pojoClass, fields, direct)) : NONE;
        PojoFieldAccess reflective = new ReflectiveFieldAccess(fields.clone());
        PojoFieldAccess[] access = new PojoFieldAccess[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                access[i] = direct[i] && generated != NONE ? generated : reflective;
            }
        }
        return access;
    }

    private static boolean reachable(Class<?> pojoClass, Field field) {
        int modifiers = field.getModifiers();
        return field.getDeclaringClass() == pojoClass && !Modifier.isFinal(modifiers) && !Modifier.isStatic(modifiers)
                && !pojoClass.isHidden() && !pojoClass.isRecord();
    }

    private static PojoFieldAccess generate(Class<?> pojoClass, PojoField[] fields, boolean[] direct) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(pojoClass, MethodHandles.lookup());
            if (!lookup.hasFullPrivilegeAccess()) {
                // the POJO is in another module (a user-code class loader's unnamed module): a lookup
                // from a class of that module has the full privilege a hidden class needs
                lookup = MethodHandles.privateLookupIn(pojoClass, moduleLookup(lookup, pojoClass));
            }
            for (int i = 0; i < fields.length; i++) {
                if (direct[i]) {
                    Class<?> type = fields[i].getField().getType();
                    lookup.accessClass(type.isArray() ? elementType(type) : type); // checkcast needs it
                }
            }
            byte[] bytes = classBytes(pojoClass, fields, direct);
            MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            Object access = hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
            if (access instanceof PojoFieldAccess fieldAccess) {
                return fieldAccess;
            }
            LOG.log(System.Logger.Level.DEBUG, "{0} sees another PojoFieldAccess; its fields use reflection",
                    pojoClass.getName());
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError error) {
                throw error;
            }
            LOG.log(System.Logger.Level.DEBUG, "No field access class for " + pojoClass.getName()
                    + "; its fields use reflection: " + e);
        }
        return NONE;
    }

    /**
     * A full-privilege lookup in the POJO's module: from a small public class defined once per
     * package beside the POJO ({@code packageLookup} needs only package access for that), whose one
     * static method returns {@link MethodHandles#lookup()}.
     */
    private static MethodHandles.Lookup moduleLookup(MethodHandles.Lookup packageLookup, Class<?> pojoClass)
            throws ReflectiveOperationException, IOException {
        String packagePrefix = pojoClass.getPackageName().isEmpty() ? "" : pojoClass.getPackageName() + ".";
        String name = packagePrefix + "WeirModuleLookup";
        Class<?> bridge;
        try {
            bridge = packageLookup.defineClass(bridgeBytes(name.replace('.', '/')));
        } catch (LinkageError alreadyDefined) { // by another POJO of the package, or another thread
            bridge = Class.forName(name, true, pojoClass.getClassLoader());
        }
        return (MethodHandles.Lookup) bridge.getMethod("lookup").invoke(null);
    }

    /** {@code public class <name> { public static MethodHandles.Lookup lookup() { return MethodHandles.lookup(); } }} */
    private static byte[] bridgeBytes(String internalName) throws IOException {
        ConstantPool pool = new ConstantPool();
        int thisClass = pool.classRef(internalName);
        int superClass = pool.classRef("java/lang/Object");
        String lookupDescriptor = "()Ljava/lang/invoke/MethodHandles$Lookup;";
        int lookup = pool.methodRef("java/lang/invoke/MethodHandles", "lookup", lookupDescriptor);
        byte[] method = method(0x0009 /* public static */, pool.utf8("lookup"), pool.utf8(lookupDescriptor),
                pool.utf8("Code"), 1, 0, new byte[] {(byte) 0xB8, hi(lookup), lo(lookup) /* invokestatic */,
                        (byte) 0xB0 /* areturn */});
        return classFile(pool, ACC_PUBLIC | ACC_SUPER, thisClass, superClass, new int[0], List.of(method));
    }

    private static Class<?> elementType(Class<?> array) {
        Class<?> type = array;
        while (type.isArray()) {
            type = type.getComponentType();
        }
        return type;
    }

    /**
     * The class file: a final class implementing {@link PojoFieldAccess}, a no-arg constructor,
     * {@code newInstance} (the POJO's no-arg constructor, which its serializer checked exists), the
     * accessors.
     */
    static byte[] classBytes(Class<?> pojoClass, PojoField[] fields, boolean[] direct) throws IOException {
        ConstantPool pool = new ConstantPool();
        String pojoName = internalName(pojoClass);
        int thisClass = pool.classRef(pojoName + "$$WeirFieldAccess");
        int superClass = pool.classRef("java/lang/Object");
        int iface = pool.classRef(internalName(PojoFieldAccess.class));
        int pojo = pool.classRef(pojoName);
        int code = pool.utf8("Code");
        List<byte[]> methods = new ArrayList<>();
        methods.add(method(pool.utf8("<init>"), pool.utf8("()V"), code, 1, 1,
                constructorCode(pool.methodRef("java/lang/Object", "<init>", "()V"))));
        int pojoInit = pool.methodRef(pojoName, "<init>", "()V");
        methods.add(method(pool.utf8("newInstance"), pool.utf8("()Ljava/lang/Object;"), code, 2, 1, new byte[] {
                (byte) 0xBB, hi(pojo), lo(pojo), /* new */
                0x59, /* dup */
                (byte) 0xB7, hi(pojoInit), lo(pojoInit), /* invokespecial <init>()V */
                (byte) 0xB0 /* areturn */}));
        Map<Kind, List<Integer>> byKind = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            if (direct[i]) {
                byKind.computeIfAbsent(Kind.of(fields[i].getField().getType()), k -> new ArrayList<>()).add(i);
            }
        }
        for (Kind kind : Kind.values()) {
            List<Integer> indices = byKind.get(kind);
            if (indices == null) {
                continue;
            }
            int[] fieldRefs = new int[fields.length];
            int[] casts = new int[fields.length];
            for (int i : indices) {
                Field field = fields[i].getField();
                fieldRefs[i] = pool.fieldRef(pojoName, field.getName(), field.getType().descriptorString());
                casts[i] = kind == Kind.OBJECT ? pool.classRef(internalName(field.getType())) : 0;
            }
            methods.add(method(pool.utf8("get" + kind.suffix), pool.utf8("(Ljava/lang/Object;I)" + kind.descriptor),
                    code, 2, 3, switchCode(indices, i -> new byte[] {
                            0x2B, /* aload_1 */
                            (byte) 0xC0, hi(pojo), lo(pojo), /* checkcast pojo */
                            (byte) 0xB4, hi(fieldRefs[i]), lo(fieldRefs[i]), /* getfield */
                            (byte) kind.returnOp})));
            methods.add(method(pool.utf8("set" + kind.suffix), pool.utf8("(Ljava/lang/Object;I" + kind.descriptor + ")V"),
                    code, 1 + kind.slots, 3 + kind.slots, switchCode(indices, i -> {
                        ByteArrayOutputStream c = new ByteArrayOutputStream();
                        c.writeBytes(new byte[] {0x2B, (byte) 0xC0, hi(pojo), lo(pojo), (byte) kind.load});
                        if (casts[i] != 0) {
                            c.writeBytes(new byte[] {(byte) 0xC0, hi(casts[i]), lo(casts[i])});
                        }
                        c.writeBytes(new byte[] {(byte) 0xB5, hi(fieldRefs[i]), lo(fieldRefs[i]), (byte) 0xB1 /* return */});
                        return c.toByteArray();
                    })));
        }
        return classFile(pool, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, thisClass, superClass, new int[] {iface}, methods);
    }

    private static byte[] classFile(ConstantPool pool, int access, int thisClass, int superClass, int[] interfaces,
            List<byte[]> methods) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(CLASS_FILE_VERSION);
        pool.writeTo(out);
        out.writeShort(access);
        out.writeShort(thisClass);
        out.writeShort(superClass);
        out.writeShort(interfaces.length);
        for (int iface : interfaces) {
            out.writeShort(iface);
        }
        out.writeShort(0); // fields
        out.writeShort(methods.size());
        for (byte[] method : methods) {
            out.write(method);
        }
        out.writeShort(0); // attributes
        out.flush();
        return bytes.toByteArray();
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    private static byte hi(int index) {
        return (byte) (index >>> 8);
    }

    private static byte lo(int index) {
        return (byte) index;
    }

    private static byte[] constructorCode(int objectInit) {
        return new byte[] {0x2A /* aload_0 */, (byte) 0xB7, hi(objectInit), lo(objectInit) /* invokespecial */,
                (byte) 0xB1 /* return */};
    }

    private interface CaseCode {
        byte[] of(int field);
    }

    /**
     * {@code iload_2; tableswitch} over the fields' indices, one case per field, and a default that
     * throws (the serializer never passes another index): {@code aconst_null; athrow}.
     */
    private static byte[] switchCode(List<Integer> indices, CaseCode caseCode) {
        int low = indices.get(0);
        int high = indices.get(indices.size() - 1);
        int switchAt = 1;
        int padding = (4 - (switchAt + 1) % 4) % 4;
        int headerEnd = switchAt + 1 + padding + 12 + 4 * (high - low + 1);
        ByteArrayOutputStream cases = new ByteArrayOutputStream();
        int[] offsets = new int[high - low + 1];
        for (int i : indices) {
            offsets[i - low] = headerEnd + cases.size() - switchAt;
            cases.writeBytes(caseCode.of(i));
        }
        int defaultOffset = headerEnd + cases.size() - switchAt;
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(code);
        try {
            out.writeByte(0x1C); // iload_2
            out.writeByte(0xAA); // tableswitch
            out.write(new byte[padding]);
            out.writeInt(defaultOffset);
            out.writeInt(low);
            out.writeInt(high);
            for (int offset : offsets) {
                out.writeInt(offset == 0 ? defaultOffset : offset);
            }
            out.write(cases.toByteArray());
            out.writeByte(0x01); // aconst_null
            out.writeByte(0xBF); // athrow
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
        }
        return code.toByteArray();
    }

    private static byte[] method(int name, int descriptor, int codeAttribute, int maxStack, int maxLocals, byte[] code)
            throws IOException {
        return method(ACC_PUBLIC, name, descriptor, codeAttribute, maxStack, maxLocals, code);
    }

    private static byte[] method(int access, int name, int descriptor, int codeAttribute, int maxStack, int maxLocals,
            byte[] code) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(access);
        out.writeShort(name);
        out.writeShort(descriptor);
        out.writeShort(1);
        out.writeShort(codeAttribute);
        out.writeInt(2 + 2 + 4 + code.length + 2 + 2);
        out.writeShort(maxStack);
        out.writeShort(maxLocals);
        out.writeInt(code.length);
        out.write(code);
        out.writeShort(0); // exception table
        out.writeShort(0); // attributes
        out.flush();
        return bytes.toByteArray();
    }

    /** The constant pool: entries are added once and numbered from 1. */
    private static final class ConstantPool {
        private final ByteArrayOutputStream entries = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(entries);
        private final Map<String, Integer> indices = new HashMap<>();
        private int count;

        int utf8(String value) {
            return entry("U" + value, () -> {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8); // no NUL or supplementary chars in names
                out.writeByte(1);
                out.writeShort(bytes.length);
                out.write(bytes);
            });
        }

        int classRef(String internalName) {
            int name = utf8(internalName);
            return entry("C" + internalName, () -> {
                out.writeByte(7);
                out.writeShort(name);
            });
        }

        int fieldRef(String owner, String name, String descriptor) {
            return memberRef(9, owner, name, descriptor);
        }

        int methodRef(String owner, String name, String descriptor) {
            return memberRef(10, owner, name, descriptor);
        }

        private int memberRef(int tag, String owner, String name, String descriptor) {
            int ownerClass = classRef(owner);
            int nameIndex = utf8(name);
            int descriptorIndex = utf8(descriptor);
            int nameAndType = entry("N" + name + ":" + descriptor, () -> {
                out.writeByte(12);
                out.writeShort(nameIndex);
                out.writeShort(descriptorIndex);
            });
            return entry(tag + owner + "." + name + ":" + descriptor, () -> {
                out.writeByte(tag);
                out.writeShort(ownerClass);
                out.writeShort(nameAndType);
            });
        }

        private interface Writer {
            void write() throws IOException;
        }

        private int entry(String key, Writer writer) {
            Integer index = indices.get(key);
            if (index != null) {
                return index;
            }
            try {
                writer.write();
            } catch (IOException e) {
                throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
            }
            indices.put(key, ++count);
            return count;
        }

        void writeTo(DataOutputStream target) throws IOException {
            out.flush();
            if (count + 1 > 0xFFFF) {
                throw new IOException("Too many constants: " + count);
            }
            target.writeShort(count + 1);
            target.write(entries.toByteArray());
        }
    }
}
