package io.weir.api.execution;

import java.io.Serializable;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The identity of a submitted job. */
public final class JobID implements Serializable {
    private static final long serialVersionUID = 1L;

    private final UUID id;

    private JobID(UUID id) {
        this.id = id;
    }

    /**
     * A new random id. The bits come from {@link ThreadLocalRandom}, not {@code UUID.randomUUID()}:
     * an id needs to be unique, not unguessable, and the first {@code SecureRandom} of a JVM costs
     * a small job some 20 ms of its start.
     */
    public static JobID generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new JobID(new UUID(random.nextLong(), random.nextLong()));
    }

    public static JobID fromHexString(String hex) {
        if (hex.length() != 32) {
            throw new IllegalArgumentException("A job id has 32 hex digits, got '" + hex + "'");
        }
        return new JobID(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16)));
    }

    public String toHexString() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(id.getMostSignificantBits()) + hex.toHexDigits(id.getLeastSignificantBits());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobID && ((JobID) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return toHexString();
    }
}
