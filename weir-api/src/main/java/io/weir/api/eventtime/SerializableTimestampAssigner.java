package io.weir.api.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that can be shipped with the job: what lambdas passed to {@code withTimestampAssigner} become. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
