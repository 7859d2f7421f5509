package io.weir.api.functions;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Drops the hidden reference that an anonymous or inner function class keeps to its enclosing
 * instance, when the function never reads it and the enclosing object could not be serialized.
 *
 * <p>Why: javac (for {@code --release 17}) gives every anonymous class declared in an instance
 * method a field {@code this$0} pointing at the enclosing object, whether the body uses it or not.
 * A function written inline in a test method or a job's {@code main} object would otherwise drag a
 * non-serializable enclosing class along and fail submission, although the function itself is
 * perfectly self-contained.
 *
 * <p>How: the function's class file is read and the field reference to {@code this$N} located in
 * its constant pool. If no {@code getfield} instruction in the class file names that reference, no
 * code of the class reads the enclosing object (the constructor only writes it), so clearing it
 * changes nothing. The byte search can only err towards keeping the field: a false match leaves
 * the function as it was, and the usual "not serializable" error then names the cause.
 */
public final class ClosureCleaner {
    private static final int GETFIELD = 0xB4;

    private ClosureCleaner() {}

    /** Clears unused references to non-serializable enclosing instances; returns {@code function}. */
    public static <T> T clean(T function) {
        if (function == null) {
            return null;
        }
        Class<?> type = function.getClass();
        if (type.getEnclosingClass() == null || Modifier.isStatic(type.getModifiers())) {
            return function;
        }
        for (Field field : type.getDeclaredFields()) {
            if (field.isSynthetic() && field.getName().startsWith("this$")) {
                clearIfUnread(function, field);
            }
        }
        return function;
    }

    private static void clearIfUnread(Object function, Field field) {
        try {
            field.setAccessible(true);
            Object outer = field.get(function);
            if (outer == null || outer instanceof Serializable || readsField(function.getClass(), field.getName())) {
                return;
            }
            field.set(function, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // cannot inspect or clear it: leave the function untouched; serialization reports the cause
        }
    }

    /** Whether any {@code getfield} in {@code type}'s class file refers to its field {@code name}. */
    static boolean readsField(Class<?> type, String name) {
        String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            if (in == null) {
                return true;
            }
            byte[] bytes = in.readAllBytes();
            int fieldRef = findFieldRef(bytes, type.getName().replace('.', '/'), name);
            if (fieldRef < 0) {
                return false;
            }
            for (int i = 0; i + 2 < bytes.length; i++) {
                if ((bytes[i] & 0xFF) == GETFIELD && (((bytes[i + 1] & 0xFF) << 8) | (bytes[i + 2] & 0xFF)) == fieldRef) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** The constant-pool index of the Fieldref {@code owner.name}, or -1. */
    private static int findFieldRef(byte[] classFile, String owner, String name) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[][] refs = new int[count][];
        int[][] nameAndTypes = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> { in.readUnsignedByte(); in.readUnsignedShort(); }
                case 3, 4 -> in.readInt();
                case 5, 6 -> { in.readLong(); i++; }
                case 9 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 10, 11, 17, 18 -> { in.readUnsignedShort(); in.readUnsignedShort(); }
                case 12 -> nameAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        for (int i = 1; i < count; i++) {
            if (refs[i] != null && owner.equals(utf8[classNameIndex[refs[i][0]]])
                    && name.equals(utf8[nameAndTypes[refs[i][1]][0]])) {
                return i;
            }
        }
        return -1;
    }
}
