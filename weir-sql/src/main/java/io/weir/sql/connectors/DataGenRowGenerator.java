package io.weir.sql.connectors;

import io.weir.api.connector.datagen.GeneratorFunction;
import io.weir.api.types.Row;
import java.util.List;
import java.util.SplittableRandom;

/** Makes row number {@code index} of a datagen table: a pure function of the seed and the index. */
final class DataGenRowGenerator implements GeneratorFunction<Long, Row> {

    private static final long serialVersionUID = 1L;

    private final List<DataGenField> fields;
    private final long seed;

    DataGenRowGenerator(List<DataGenField> fields, long seed) {
        this.fields = List.copyOf(fields);
        this.seed = seed;
    }

    @Override
    public Row map(Long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Row row = new Row(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            row.setField(i, fields.get(i).value(index, random));
        }
        return row;
    }
}
