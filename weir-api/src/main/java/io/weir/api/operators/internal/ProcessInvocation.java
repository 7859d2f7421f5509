package io.weir.api.operators.internal;

import io.weir.api.functions.OutputTag;
import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.api.operators.AbstractStreamOperator;
import io.weir.api.operators.InternalTimer;
import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.SimpleTimerService;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.TimestampedCollector;
import io.weir.api.state.VoidNamespace;
import java.util.function.Supplier;

/**
 * The call of a process function that runs now, shared by the process-like operators (process,
 * co-process and broadcast-process, keyed or not): the element or timer the call is for, the
 * collector that stamps its results, side outputs, clocks and the user's timers. The operators'
 * context classes must extend the {@code Context} classes nested in each function type, as in
 * Flink, so they cannot share a base class; they delegate here instead, which leaves each of them a
 * few one-line methods.
 *
 * <p>Internal: shared by the API's process operators and the runtime's broadcast operators, and by
 * nothing a job uses (LayerRulesTest checks that), so it may change with them.
 *
 * <p>Threading: one per operator instance, used on its task thread only.
 */
public final class ProcessInvocation<OUT> {
    /** The name of the timer service that holds the timers of a process function. */
    public static final String USER_TIMERS = "user-timers";

    private final AbstractStreamOperator<OUT> operator;
    private final TimestampedCollector<OUT> collector;
    private final TimerService timerService;
    private StreamRecord<?> element;
    private InternalTimer<?, VoidNamespace> timer;
    private TimeDomain domain;

    /** For {@code operator}, whose user's timers go to {@code timerService} (null if the function has none). */
    public ProcessInvocation(AbstractStreamOperator<OUT> operator, TimerService timerService) {
        this.operator = operator;
        this.collector = new TimestampedCollector<>(operator.getOutput());
        this.timerService = timerService;
    }

    /**
     * The timers of a process function on {@code operator}: per key in the {@link VoidNamespace}
     * of the service {@code keyedTimers} gives, when the input is keyed; otherwise readable clocks
     * whose timer methods fail with a message that timers need a keyed stream. The operator hands
     * in the call to its own {@code getInternalTimerService}, which is protected, so that the
     * service is registered with the operator and fires on its watermarks.
     */
    public static TimerService userTimers(AbstractStreamOperator<?> operator,
            Supplier<InternalTimerService<VoidNamespace>> keyedTimers) {
        return operator.getKeyedStateBackend() == null ? new ClockOnlyTimerService(operator)
                : new SimpleTimerService(keyedTimers.get());
    }

    /** Starts the call for {@code input}: returns the collector, set to stamp results with its timestamp. */
    public TimestampedCollector<OUT> startElement(StreamRecord<?> input) {
        collector.setTimestamp(input);
        element = input;
        return collector;
    }

    public void endElement() {
        element = null;
    }

    /**
     * Starts the call for a firing timer: returns the collector, set to stamp results with the
     * timer's time for event time and with no timestamp for processing time.
     */
    public TimestampedCollector<OUT> startTimer(InternalTimer<?, VoidNamespace> firing, TimeDomain timeDomain) {
        if (timeDomain == TimeDomain.EVENT_TIME) {
            collector.setAbsoluteTimestamp(firing.getTimestamp());
        } else {
            collector.eraseTimestamp();
        }
        timer = firing;
        domain = timeDomain;
        return collector;
    }

    public void endTimer() {
        timer = null;
    }

    /** The timestamp of the element being processed, {@code null} if it has none. */
    public Long elementTimestamp() {
        return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
    }

    /**
     * The timestamp of the broadcast element being processed as Flink's broadcast side reports it:
     * {@code Long.MIN_VALUE} (Flink's "no timestamp" marker) rather than null when it has none. Only
     * the broadcast side does this in Flink; the other side and every other context give null.
     */
    public Long broadcastElementTimestamp() {
        return element == null ? null : element.getTimestamp();
    }

    /** The firing timer's time for event-time timers (like the records emitted); none for processing time. */
    public Long timerTimestamp() {
        return domain == TimeDomain.EVENT_TIME ? timer.getTimestamp() : null;
    }

    public TimeDomain timeDomain() {
        return domain;
    }

    /** The key of the firing timer. */
    @SuppressWarnings("unchecked")
    public <K> K timerKey() {
        return (K) timer.getKey();
    }

    public TimerService timerService() {
        return timerService;
    }

    public long currentProcessingTime() {
        return operator.getProcessingTimeService().getCurrentProcessingTime();
    }

    public long currentWatermark() {
        return operator.getCurrentWatermark();
    }

    /** Emits {@code value} to the side output {@code tag}, with {@code timestamp} if not null. */
    public <X> void output(OutputTag<X> tag, X value, Long timestamp) {
        if (tag == null) {
            throw new IllegalArgumentException("The OutputTag of a side output must not be null.");
        }
        operator.getOutput().collect(tag,
                timestamp == null ? new StreamRecord<>(value) : new StreamRecord<>(value, timestamp));
    }
}
