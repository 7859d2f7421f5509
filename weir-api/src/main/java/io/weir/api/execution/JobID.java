package io.weir.api.execution;

import java.io.Serializable;
import java.util.UUID;

/** The identity of a submitted job. */
public final class JobID implements Serializable {
    private static final long serialVersionUID = 1L;

    private final UUID id;

    private JobID(UUID id) {
        this.id = id;
    }

    public static JobID generate() {
        return new JobID(UUID.randomUUID());
    }

    public static JobID fromHexString(String hex) {
        if (hex.length() != 32) {
            throw new IllegalArgumentException("A job id has 32 hex digits, got '" + hex + "'");
        }
        return new JobID(new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16)));
    }

    public String toHexString() {
        return String.format("%016x%016x", id.getMostSignificantBits(), id.getLeastSignificantBits());
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
