package io.weir.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the stacks of task threads and folds them into a flame graph in Flink's JSON shape:
 * {@code {"name": "root", "value": samples, "children": [...]}}, each frame a node
 * {@code "class.method:line"} whose value is the number of samples that passed through it, outermost
 * frame first. {@code on_cpu} keeps the samples of threads that were running, {@code off_cpu} those
 * of threads that waited (for input, output space or a lock), {@code full} both.
 *
 * <p>Threading: {@link #sample} runs on the calling thread (a REST request thread) and reads
 * the other threads' stacks through the JVM's {@link ThreadMXBean}; it never stops them.
 */
final class StackSampler {
    /** Which samples a flame graph keeps (Flink's {@code type} parameter). */
    enum Type {
        FULL, ON_CPU, OFF_CPU;

        static Type parse(String value) {
            if (value == null) {
                return FULL;
            }
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RestError.badRequest("Unknown flame graph type '" + value + "'; use full, on_cpu or off_cpu.");
            }
        }

        boolean keeps(Thread.State state) {
            return this == FULL || (this == ON_CPU) == (state == Thread.State.RUNNABLE);
        }
    }

    private static final int MAX_DEPTH = 256;

    private final int samples;
    private final long intervalNanos;

    StackSampler(int samples, long intervalMillis) {
        this.samples = samples;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    }

    /** Samples the threads {@code samples} times, {@code intervalMillis} apart; returns the folded tree. */
    Map<String, Object> sample(long[] threadIds, Type type) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Node root = new Node("root");
        for (int i = 0; i < samples; i++) {
            if (i > 0) {
                LockSupport.parkNanos(intervalNanos); // paces the sampler; it waits for nothing else
            }
            for (ThreadInfo info : threads.getThreadInfo(threadIds, MAX_DEPTH)) {
                if (info != null && info.getStackTrace().length > 0 && type.keeps(info.getThreadState())) {
                    root.add(info.getStackTrace());
                }
            }
        }
        return root.json();
    }

    /** A frame and the samples through it. */
    private static final class Node {
        private final String name;
        private final Map<String, Node> children = new LinkedHashMap<>();
        private int value;

        Node(String name) {
            this.name = name;
        }

        /** Adds one sample: the stack from its outermost frame (the last element) inwards. */
        void add(StackTraceElement[] stack) {
            value++;
            Node node = this;
            for (int i = stack.length - 1; i >= 0; i--) {
                StackTraceElement frame = stack[i];
                String frameName = frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
                node = node.children.computeIfAbsent(frameName, Node::new);
                node.value++;
            }
        }

        Map<String, Object> json() {
            List<Object> kids = new ArrayList<>();
            for (Node child : children.values()) {
                kids.add(child.json());
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("value", value);
            json.put("children", kids);
            return json;
        }
    }
}
