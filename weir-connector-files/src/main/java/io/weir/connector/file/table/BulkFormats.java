package io.weir.connector.file.table;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** Finds the {@link BulkFormatFactory bulk formats} on the class path by name. */
final class BulkFormats {

    private BulkFormats() {
    }

    static Map<String, BulkFormatFactory> available() {
        Map<String, BulkFormatFactory> factories = new TreeMap<>();
        for (BulkFormatFactory factory : ServiceLoader.load(BulkFormatFactory.class, BulkFormats.class.getClassLoader())) {
            factories.put(factory.factoryIdentifier(), factory);
        }
        return factories;
    }

    /** Every bulk format's option keys, with the format's name as prefix. */
    static Set<String> optionKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (BulkFormatFactory factory : available().values()) {
            for (String option : factory.supportedOptions()) {
                keys.add(factory.factoryIdentifier() + "." + option);
            }
        }
        return keys;
    }
}
