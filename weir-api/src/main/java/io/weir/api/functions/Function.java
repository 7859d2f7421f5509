package io.weir.api.functions;

import java.io.Serializable;

/** Marker for user functions. Functions are serializable so a job can be shipped to remote task managers. */
public interface Function extends Serializable {}
