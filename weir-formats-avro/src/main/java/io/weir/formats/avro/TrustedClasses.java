package io.weir.formats.avro;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 loads only trusted classes named by a schema (a file's schema may come from anyone). A job
 * that names a class to write or read with trusts that one class; a file naming another still fails.
 *
 * Public for the message schemas of {@code typeutils}, which trust their generated record class.
 *
 * <p>Threading: safe for concurrent use (Avro's trust setting is process-wide).
 */
public final class TrustedClasses {
    private TrustedClasses() {}

    public static synchronized void trust(Class<?> type) {
        ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        if (!current.isTrusted(type)) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current,
                    ClassSecurityValidator.builder().add(type).build()));
        }
    }
}
