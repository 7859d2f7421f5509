package io.weir.runtime.configuration;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import java.time.Duration;

/** Settings of the job manager side: scheduling. */
public final class JobManagerOptions {
    private JobManagerOptions() {}

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = ConfigOptions.key("slot.request.timeout")
            .durationType().defaultValue(Duration.ofMinutes(5))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("How long a job waits for slots that other jobs hold before it fails.");
}
