package io.weir.api.connector.source;

import java.util.Locale;

/**
 * What a source does with a message its deserializer cannot read. Whatever the policy, the bad
 * message counts as consumed only once the policy has dealt with it, so nothing acknowledged is lost:
 * it failed the job (and is read again after the restart), was logged and counted, or was handed to
 * the dead-letter destination first.
 */
public enum BadRecordPolicy {
    /** Fail the job with where the message came from and why it could not be read (the default). */
    FAIL("fail"),
    /** Log the message's position and the reason, count it, and go on with the next message. */
    SKIP("skip"),
    /** Hand the message's bytes, unchanged, to the connector's dead-letter destination, then go on. */
    DEAD_LETTER("dead-letter");

    private final String optionValue;

    BadRecordPolicy(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value in configuration: {@code fail}, {@code skip} or {@code dead-letter}. */
    public String optionValue() {
        return optionValue;
    }

    /** The policy named {@code value} (case-insensitive), or an error listing the valid names. */
    public static BadRecordPolicy fromOptionValue(String value) {
        for (BadRecordPolicy policy : values()) {
            if (policy.optionValue.equals(value.toLowerCase(Locale.ROOT))) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Unknown bad-record policy '" + value
                + "'; use 'fail', 'skip' or 'dead-letter'");
    }
}
