package io.weir.testutils;

/**
 * The size of the MiniCluster a test starts with {@link MiniClusterWithClientResource} (JUnit 4) or
 * {@link MiniClusterExtension} (JUnit 5).
 *
 * <pre>{@code
 * new MiniClusterResourceConfiguration.Builder()
 *         .setNumberTaskManagers(1)
 *         .setNumberSlotsPerTaskManager(4)
 *         .build()
 * }</pre>
 */
public final class MiniClusterResourceConfiguration {
    private final int numberTaskManagers;
    private final int numberSlotsPerTaskManager;

    private MiniClusterResourceConfiguration(int numberTaskManagers, int numberSlotsPerTaskManager) {
        this.numberTaskManagers = numberTaskManagers;
        this.numberSlotsPerTaskManager = numberSlotsPerTaskManager;
    }

    public int getNumberTaskManagers() {
        return numberTaskManagers;
    }

    public int getNumberSlotsPerTaskManager() {
        return numberSlotsPerTaskManager;
    }

    /** Task managers times slots per task manager: the default parallelism of jobs on the cluster. */
    public int getNumberSlots() {
        return numberTaskManagers * numberSlotsPerTaskManager;
    }

    /** Builds a configuration; by default one task manager with one slot, as in Flink. */
    public static final class Builder {
        private int numberTaskManagers = 1;
        private int numberSlotsPerTaskManager = 1;

        public Builder setNumberTaskManagers(int numberTaskManagers) {
            if (numberTaskManagers < 1) {
                throw new IllegalArgumentException("A MiniCluster needs at least one task manager, got "
                        + numberTaskManagers);
            }
            this.numberTaskManagers = numberTaskManagers;
            return this;
        }

        public Builder setNumberSlotsPerTaskManager(int numberSlotsPerTaskManager) {
            if (numberSlotsPerTaskManager < 1) {
                throw new IllegalArgumentException("A task manager needs at least one slot, got "
                        + numberSlotsPerTaskManager);
            }
            this.numberSlotsPerTaskManager = numberSlotsPerTaskManager;
            return this;
        }

        public MiniClusterResourceConfiguration build() {
            return new MiniClusterResourceConfiguration(numberTaskManagers, numberSlotsPerTaskManager);
        }
    }
}
