package io.weir.api.windowing.assigners;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.api.windowing.triggers.Trigger;
import io.weir.api.windowing.triggers.TriggerResult;
import io.weir.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/**
 * Puts all elements of a key into the one {@link GlobalWindow}. The default trigger of
 * {@link #create()} never fires, so such a global window needs a trigger of its own, such as a
 * {@code CountTrigger}; {@link #createWithEndOfStreamTrigger()} fires once, when the input ends.
 */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    private static final List<GlobalWindow> ONLY = List.of(GlobalWindow.get());

    private final Trigger<Object, GlobalWindow> defaultTrigger;

    private GlobalWindows(Trigger<Object, GlobalWindow> defaultTrigger) {
        this.defaultTrigger = defaultTrigger;
    }

    /** Global windows whose default trigger never fires. */
    public static GlobalWindows create() {
        return new GlobalWindows(new NeverTrigger());
    }

    /**
     * Global windows that fire once per key when the input ends (the watermark reaches the end of
     * time), for a result over all of a bounded input.
     */
    public static GlobalWindows createWithEndOfStreamTrigger() {
        return new GlobalWindows(new EndOfStreamTrigger());
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return ONLY;
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return defaultTrigger;
    }

    @Override
    public TypeSerializer<GlobalWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return GlobalWindow.Serializer.INSTANCE;
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return defaultTrigger instanceof EndOfStreamTrigger ? "GlobalWindows(endOfStream)" : "GlobalWindows()";
    }

    /** The default trigger of global windows: never fires. */
    public static class NeverTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {}

        @Override
        public boolean canMerge() {
            return true;
        }

        @Override
        public void onMerge(GlobalWindow window, OnMergeContext ctx) {}
    }

    /**
     * The default trigger of {@link #createWithEndOfStreamTrigger()}: an event-time timer at the
     * end of time, which only the final watermark of an ended input reaches.
     */
    public static class EndOfStreamTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {
            ctx.deleteEventTimeTimer(window.maxTimestamp());
        }
    }
}
