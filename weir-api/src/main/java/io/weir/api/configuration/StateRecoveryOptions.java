package io.weir.api.configuration;

/**
 * Where a job's state comes from when it starts: a savepoint or retained checkpoint to resume.
 *
 * <p>Declared ahead of checkpointing, recovery and the state backends (issue 8): the keys are
 * accepted and checked now, and the runtime reads them as those features land.
 */
public final class StateRecoveryOptions {
    private StateRecoveryOptions() {}

    public static final ConfigOption<String> SAVEPOINT_PATH = ConfigOptions.key("execution.state-recovery.path")
            .stringType().noDefaultValue()
            .withDeprecatedKeys("execution.savepoint.path")
            .withDescription("Directory of a savepoint or retained checkpoint that the job restores its state from "
                    + "when it starts (bin/weir run -s sets it).");

    public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE =
            ConfigOptions.key("execution.state-recovery.ignore-unclaimed-state")
            .booleanType().defaultValue(false)
            .withDeprecatedKeys("execution.savepoint.ignore-unclaimed-state")
            .withDescription("Start even if the savepoint holds state of an operator (by uid) that the job no "
                    + "longer has; that state is dropped. false fails the start, naming the operator.");
}
