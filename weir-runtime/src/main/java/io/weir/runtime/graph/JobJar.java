package io.weir.runtime.graph;

import java.io.Serializable;

/**
 * A jar of a job's code, as stored by the cluster's blob service: the key it is stored under (the
 * SHA-256 of its bytes, in hex, so a copy can be checked) and the file name it was uploaded with
 * (for messages).
 */
public record JobJar(String key, String name) implements Serializable {
    public JobJar {
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A job jar's key is the hex SHA-256 of its bytes, got " + key);
        }
    }
}
