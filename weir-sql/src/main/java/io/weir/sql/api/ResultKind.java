package io.weir.sql.api;

/** Whether a statement's {@link TableResult} is only "OK" or holds rows. */
public enum ResultKind {
    SUCCESS,
    SUCCESS_WITH_CONTENT
}
