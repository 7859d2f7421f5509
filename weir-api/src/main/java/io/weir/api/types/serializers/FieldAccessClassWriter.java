package io.weir.api.types.serializers;

import io.weir.api.types.PojoField;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
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
 * index with one case per field; and {@code newInstance()}, the POJO's no-arg constructor called
 * directly. A case is a plain {@code getfield} / {@code putfield} for the POJO's own fields
 * ({@link Route#DIRECT}). A final field ({@code putfield} on it fails outside its class) is read by
 * {@code getfield} and set through a method handle ({@link Route#FINAL_FIELD}), and an inherited
 * field (another class's nest) is read and written through method handles ({@link Route#HANDLES}):
 * the handles come as the class's class data and sit in its static final fields, which the JIT
 * treats as constants, so a call through one inlines to the field access (issue 9: the window
 * benchmarks' record of public final fields lost 24 % when its fields went through
 * {@link ReflectiveFieldAccess} behind this interface). The class file has version 49, which
 * needs no stack map frames; it is written here byte by byte (the JDK 17 has no public class-file
 * API, and weir-api depends on the JDK only).
 *
 * <p>Hidden and record POJO classes, and every class beside which no class can be defined (a
 * field type the POJO's package cannot name, weir-api's interface not the one the POJO's loader
 * sees), use {@link ReflectiveFieldAccess}. The bytes the serializer writes do not depend on the
 * access path.
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

    /** How the generated class reaches a field. */
    enum Route {
        /** A field of the POJO's own that is not final: {@code getfield} and {@code putfield}. */
        DIRECT,
        /** A final field of the POJO's own: {@code getfield}, and a method handle to set it. */
        FINAL_FIELD,
        /** An inherited field (another class's nest): method handles to get and set it. */
        HANDLES
    }

    private FieldAccessClassWriter() {
    }

    /**
     * The access for each field ({@code null} where the field is {@code null}): the generated class
     * where it can reach the field, else reflection.
     */
    static PojoFieldAccess[] accessPerField(Class<?> pojoClass, PojoField[] fields) {
        Route[] routes = new Route[fields.length];
        // the cache key: the fields' names at their indices, "" where a field is missing
        List<String> key = new ArrayList<>(fields.length);
        boolean any = false;
        for (int i = 0; i < fields.length; i++) {
            routes[i] = fields[i] == null ? null : route(pojoClass, fields[i].getField());
            key.add(routes[i] == null ? "" : fields[i].getName());
            any |= routes[i] != null;
        }
        PojoFieldAccess generated = any
                ? GENERATED.get(pojoClass).computeIfAbsent(key, k -> generate(pojoClass, fields, routes)) : NONE;
        PojoFieldAccess reflective = new ReflectiveFieldAccess(fields.clone());
        PojoFieldAccess[] access = new PojoFieldAccess[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null) {
                access[i] = routes[i] != null && generated != NONE ? generated : reflective;
            }
        }
        return access;
    }

    /** How the generated class reaches a field, or {@code null} if it cannot. */
    private static Route route(Class<?> pojoClass, Field field) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || pojoClass.isHidden() || pojoClass.isRecord()
                || field.getDeclaringClass().isHidden() || field.getDeclaringClass().isRecord()) {
            return null;
        }
        if (field.getDeclaringClass() != pojoClass) {
            return Route.HANDLES;
        }
        return Modifier.isFinal(modifiers) ? Route.FINAL_FIELD : Route.DIRECT;
    }

    private static PojoFieldAccess generate(Class<?> pojoClass, PojoField[] fields, Route[] routes) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(pojoClass, MethodHandles.lookup());
            if (!lookup.hasFullPrivilegeAccess()) {
                // the POJO is in another module (a user-code class loader's unnamed module): a lookup
                // from a class of that module has the full privilege a hidden class needs
                lookup = MethodHandles.privateLookupIn(pojoClass, moduleLookup(lookup, pojoClass));
            }
            for (int i = 0; i < fields.length; i++) {
                if (routes[i] == Route.DIRECT) {
                    Class<?> type = fields[i].getField().getType();
                    lookup.accessClass(type.isArray() ? elementType(type) : type); // checkcast needs it
                }
            }
            byte[] bytes = classBytes(pojoClass, fields, routes);
            MethodHandles.Lookup hidden = lookup.defineHiddenClassWithClassData(bytes, handles(fields, routes), true,
                    MethodHandles.Lookup.ClassOption.NESTMATE);
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
     * The method handles the generated class keeps in its static final fields, in the order of
     * {@link #classBytes}: per field, its getter if it is {@link Route#HANDLES}, then its setter if it
     * is {@link Route#HANDLES} or {@link Route#FINAL_FIELD}; typed {@code (Object)<kind>} and
     * {@code (Object, <kind>)void}, where the kind is the primitive type or {@code Object}.
     */
    private static List<MethodHandle> handles(PojoField[] fields, Route[] routes) throws IllegalAccessException {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        List<MethodHandle> handles = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            if (routes[i] != Route.HANDLES && routes[i] != Route.FINAL_FIELD) {
                continue;
            }
            Field field = fields[i].getField(); // set accessible by PojoField
            Class<?> kind = field.getType().isPrimitive() ? field.getType() : Object.class;
            if (routes[i] == Route.HANDLES) {
                handles.add(lookup.unreflectGetter(field).asType(MethodType.methodType(kind, Object.class)));
            }
            // a final, non-static field set accessible is writable through a method handle, as by Field.set
            handles.add(lookup.unreflectSetter(field).asType(MethodType.methodType(void.class, Object.class, kind)));
        }
        return handles;
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
        return classFile(pool, ACC_PUBLIC | ACC_SUPER, thisClass, superClass, new int[0], List.of(), List.of(method));
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
     * accessors, and for the fields reached through method handles a static final field per handle,
     * set in the static initializer from the class data ({@link MethodHandles#classDataAt}). A static
     * final method handle is a constant to the JIT, so a call through it inlines to the field access.
     */
    static byte[] classBytes(Class<?> pojoClass, PojoField[] fields, Route[] routes) throws IOException {
        ConstantPool pool = new ConstantPool();
        String pojoName = internalName(pojoClass);
        String thisName = pojoName + "$$WeirFieldAccess";
        int thisClass = pool.classRef(thisName);
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

        // the static final method handle fields, in the order of handles(...)
        String handleDescriptor = "Ljava/lang/invoke/MethodHandle;";
        int[] getters = new int[fields.length];
        int[] setters = new int[fields.length];
        List<byte[]> staticFields = new ArrayList<>();
        ByteArrayOutputStream clinit = new ByteArrayOutputStream();
        int lookup = pool.methodRef("java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;");
        int classDataAt = pool.methodRef("java/lang/invoke/MethodHandles", "classDataAt",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;");
        int defaultName = pool.string("_");
        int handleClass = pool.classRef("java/lang/invoke/MethodHandle");
        for (int i = 0; i < fields.length; i++) {
            boolean getter = routes[i] == Route.HANDLES;
            boolean setter = getter || routes[i] == Route.FINAL_FIELD;
            for (int pass = 0; pass < 2; pass++) {
                if (pass == 0 ? !getter : !setter) {
                    continue;
                }
                int slot = staticFields.size();
                String name = (pass == 0 ? "get" : "set") + slot;
                int fieldRef = pool.fieldRef(thisName, name, handleDescriptor);
                staticFields.add(staticFinalField(pool.utf8(name), pool.utf8(handleDescriptor)));
                clinit.writeBytes(new byte[] {
                        (byte) 0xB8, hi(lookup), lo(lookup), /* invokestatic MethodHandles.lookup() */
                        0x13, hi(defaultName), lo(defaultName), /* ldc_w "_" */
                        0x13, hi(handleClass), lo(handleClass), /* ldc_w MethodHandle.class */
                        0x11, hi(slot), lo(slot), /* sipush slot */
                        (byte) 0xB8, hi(classDataAt), lo(classDataAt), /* invokestatic classDataAt */
                        (byte) 0xC0, hi(handleClass), lo(handleClass), /* checkcast MethodHandle */
                        (byte) 0xB3, hi(fieldRef), lo(fieldRef) /* putstatic */});
                if (pass == 0) {
                    getters[i] = fieldRef;
                } else {
                    setters[i] = fieldRef;
                }
            }
        }
        if (!staticFields.isEmpty()) {
            clinit.write(0xB1); // return
            methods.add(method(0x0008 /* static */, pool.utf8("<clinit>"), pool.utf8("()V"), code, 4, 0,
                    clinit.toByteArray()));
        }

        Map<Kind, List<Integer>> byKind = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            if (routes[i] != null) {
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
            int invokeGet = pool.methodRef("java/lang/invoke/MethodHandle", "invokeExact",
                    "(Ljava/lang/Object;)" + kind.descriptor);
            int invokeSet = pool.methodRef("java/lang/invoke/MethodHandle", "invokeExact",
                    "(Ljava/lang/Object;" + kind.descriptor + ")V");
            for (int i : indices) {
                Field field = fields[i].getField();
                if (routes[i] != Route.HANDLES) {
                    fieldRefs[i] = pool.fieldRef(pojoName, field.getName(), field.getType().descriptorString());
                }
                casts[i] = kind == Kind.OBJECT && routes[i] == Route.DIRECT
                        ? pool.classRef(internalName(field.getType())) : 0;
            }
            methods.add(method(pool.utf8("get" + kind.suffix), pool.utf8("(Ljava/lang/Object;I)" + kind.descriptor),
                    code, 2, 3, switchCode(indices, i -> routes[i] == Route.HANDLES
                            ? new byte[] {
                                    (byte) 0xB2, hi(getters[i]), lo(getters[i]), /* getstatic handle */
                                    0x2B, /* aload_1 */
                                    (byte) 0xB6, hi(invokeGet), lo(invokeGet), /* invokevirtual invokeExact */
                                    (byte) kind.returnOp}
                            : new byte[] {
                                    0x2B, /* aload_1 */
                                    (byte) 0xC0, hi(pojo), lo(pojo), /* checkcast pojo */
                                    (byte) 0xB4, hi(fieldRefs[i]), lo(fieldRefs[i]), /* getfield */
                                    (byte) kind.returnOp})));
            methods.add(method(pool.utf8("set" + kind.suffix), pool.utf8("(Ljava/lang/Object;I" + kind.descriptor + ")V"),
                    code, 2 + kind.slots, 3 + kind.slots, switchCode(indices, i -> {
                        ByteArrayOutputStream c = new ByteArrayOutputStream();
                        if (routes[i] != Route.DIRECT) {
                            c.writeBytes(new byte[] {(byte) 0xB2, hi(setters[i]), lo(setters[i]), /* getstatic */
                                    0x2B, (byte) kind.load,
                                    (byte) 0xB6, hi(invokeSet), lo(invokeSet), /* invokevirtual invokeExact */
                                    (byte) 0xB1 /* return */});
                            return c.toByteArray();
                        }
                        c.writeBytes(new byte[] {0x2B, (byte) 0xC0, hi(pojo), lo(pojo), (byte) kind.load});
                        if (casts[i] != 0) {
                            c.writeBytes(new byte[] {(byte) 0xC0, hi(casts[i]), lo(casts[i])});
                        }
                        c.writeBytes(new byte[] {(byte) 0xB5, hi(fieldRefs[i]), lo(fieldRefs[i]), (byte) 0xB1 /* return */});
                        return c.toByteArray();
                    })));
        }
        return classFile(pool, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, thisClass, superClass, new int[] {iface},
                staticFields, methods);
    }

    private static byte[] staticFinalField(int name, int descriptor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {0x00, 0x1A /* private static final */, hi(name), lo(name),
                hi(descriptor), lo(descriptor), 0x00, 0x00 /* attributes */});
        return bytes.toByteArray();
    }

    private static byte[] classFile(ConstantPool pool, int access, int thisClass, int superClass, int[] interfaces,
            List<byte[]> fields, List<byte[]> methods) throws IOException {
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
        out.writeShort(fields.size());
        for (byte[] field : fields) {
            out.write(field);
        }
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

        int string(String value) {
            int utf8 = utf8(value);
            return entry("S" + value, () -> {
                out.writeByte(8);
                out.writeShort(utf8);
            });
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
