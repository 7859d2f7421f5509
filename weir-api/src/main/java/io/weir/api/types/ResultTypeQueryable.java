package io.weir.api.types;

/** Implemented by functions and sources that know the type of what they produce. */
public interface ResultTypeQueryable<T> {
    TypeInformation<T> getProducedType();
}
