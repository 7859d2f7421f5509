package io.weir.runtime.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartStrategiesTest {

    @Test
    void noRestartNeverRestarts() {
        assertNull(new NoRestartStrategy().onFailure(0));
    }

    @Test
    void fixedDelayRestartsTheGivenNumberOfTimes() {
        RestartStrategy s = new FixedDelayRestartStrategy(2, Duration.ofMillis(50));
        assertEquals(Duration.ofMillis(50), s.onFailure(0));
        assertEquals(Duration.ofMillis(50), s.onFailure(10));
        assertNull(s.onFailure(20));
    }

    @Test
    void failureRateFailsOnlyWhenTooManyFailuresFallInOneInterval() {
        RestartStrategy s = new FailureRateRestartStrategy(2, Duration.ofMillis(1000), Duration.ofMillis(5));
        assertEquals(Duration.ofMillis(5), s.onFailure(0));
        assertEquals(Duration.ofMillis(5), s.onFailure(500));
        assertEquals(Duration.ofMillis(5), s.onFailure(1001), "the failure at 0 left the interval");
        assertNull(s.onFailure(1200), "three failures within (200, 1200]");
    }

    @Test
    void exponentialDelayGrowsCapsAndResetsAfterAQuietPeriod() {
        RestartStrategy s = new ExponentialDelayRestartStrategy(Duration.ofMillis(100), Duration.ofMillis(500), 2.0,
                Duration.ofMillis(10_000), 0.0, Integer.MAX_VALUE, () -> 0.5);
        assertEquals(100, s.onFailure(0).toMillis());
        assertEquals(200, s.onFailure(1000).toMillis());
        assertEquals(400, s.onFailure(2000).toMillis());
        assertEquals(500, s.onFailure(3000).toMillis());
        assertEquals(500, s.onFailure(4000).toMillis());
        assertEquals(100, s.onFailure(20_000).toMillis(), "no failure for the reset threshold");
    }

    @Test
    void exponentialDelayJitterStaysWithinItsFactor() {
        RestartStrategy low = new ExponentialDelayRestartStrategy(Duration.ofMillis(1000), Duration.ofMillis(5000), 2.0,
                Duration.ofHours(1), 0.1, Integer.MAX_VALUE, () -> 0.0);
        RestartStrategy high = new ExponentialDelayRestartStrategy(Duration.ofMillis(1000), Duration.ofMillis(5000), 2.0,
                Duration.ofHours(1), 0.1, Integer.MAX_VALUE, () -> 0.999999);
        assertEquals(900, low.onFailure(0).toMillis());
        assertEquals(1100, high.onFailure(0).toMillis());
    }

    @Test
    void exponentialDelayGivesUpAfterItsAttempts() {
        RestartStrategy s = new ExponentialDelayRestartStrategy(Duration.ofMillis(10), Duration.ofMillis(100), 2.0,
                Duration.ofHours(1), 0.0, 2, () -> 0.5);
        s.onFailure(0);
        s.onFailure(1);
        assertNull(s.onFailure(2));
    }

    @Test
    void invalidSettingsNameTheirKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FailureRateRestartStrategy(0, Duration.ofSeconds(1), Duration.ZERO));
        assertEquals(true, e.getMessage().contains("max-failures-per-interval"));
    }
}
