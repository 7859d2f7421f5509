package io.weir.connector.kafka.sink;

/**
 * The transactional ids of an exactly-once {@link KafkaSink}: {@code <prefix>-<subtask>-<n>}, as
 * in Flink. Writer subtask {@code s} writes the records after checkpoint {@code c} in transaction
 * {@code <prefix>-s-(c+1)} (after a start without state, {@code n} begins at 1), so every id is
 * used for one transaction only, and after restoring checkpoint {@code c} each open transaction
 * with {@code n <= c} is in the checkpoint (to be committed) and each with {@code n > c} is not
 * (to be aborted).
 */
record TransactionalIds(String prefix) {

    String of(int subtask, long n) {
        return prefix + "-" + subtask + "-" + n;
    }

    /** The subtask and number of {@code transactionalId}, or null if it is not an id of this prefix. */
    Parsed parse(String transactionalId) {
        if (!transactionalId.startsWith(prefix + "-")) {
            return null;
        }
        String[] parts = transactionalId.substring(prefix.length() + 1).split("-");
        if (parts.length != 2) {
            return null;
        }
        try {
            return new Parsed(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    /** A parsed transactional id. */
    record Parsed(int subtask, long n) {}
}
