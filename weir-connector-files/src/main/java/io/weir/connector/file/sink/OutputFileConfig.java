package io.weir.connector.file.sink;

import java.io.Serializable;
import java.util.Objects;

/** The prefix and suffix of part file names: {@code <prefix>-<uid>-<subtask>-<counter><suffix>}. */
public final class OutputFileConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String partPrefix;
    private final String partSuffix;

    public OutputFileConfig(String partPrefix, String partSuffix) {
        this.partPrefix = Objects.requireNonNull(partPrefix);
        this.partSuffix = Objects.requireNonNull(partSuffix);
        if (partPrefix.contains("/") || partSuffix.contains("/")) {
            throw new IllegalArgumentException("A part file prefix or suffix must not contain '/': '" + partPrefix
                    + "', '" + partSuffix + "'");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getPartPrefix() {
        return partPrefix;
    }

    public String getPartSuffix() {
        return partSuffix;
    }

    public static final class Builder {
        private String prefix = "part";
        private String suffix = "";

        public Builder withPartPrefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder withPartSuffix(String suffix) {
            this.suffix = suffix;
            return this;
        }

        public OutputFileConfig build() {
            return new OutputFileConfig(prefix, suffix);
        }
    }
}
