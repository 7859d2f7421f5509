package io.weir.api.functions;

/** Passed to {@link RichFunction#open(OpenContext)}; a placeholder for what open may need later. */
public interface OpenContext {}
