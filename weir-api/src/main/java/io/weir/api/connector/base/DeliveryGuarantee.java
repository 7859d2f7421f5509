package io.weir.api.connector.base;

/** What a sink promises about the records it was given when a job fails and recovers. */
public enum DeliveryGuarantee {
    /** Every record is written once: writes become visible only with the checkpoint that covers them. */
    EXACTLY_ONCE,
    /** No record is lost; after a failure some may be written again. */
    AT_LEAST_ONCE,
    /** Best effort: records buffered when the job fails may be lost, or written again after recovery. */
    NONE
}
