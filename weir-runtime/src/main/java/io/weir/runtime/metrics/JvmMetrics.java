package io.weir.runtime.metrics;

import io.weir.api.metrics.Gauge;
import io.weir.api.metrics.MetricGroup;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The process's JVM metrics under {@code Status.JVM}, with Flink's names: memory (heap and
 * non-heap used, committed, max), garbage collectors (count and time per collector), threads,
 * CPU (load and time of this process) and class loading.
 */
public final class JvmMetrics {
    private JvmMetrics() {}

    public static void register(MetricGroup group) {
        MetricGroup jvm = group.addGroup("Status").addGroup("JVM");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MetricGroup heap = jvm.addGroup("Memory").addGroup("Heap");
        heap.gauge("Used", (Gauge<Long>) () -> memory.getHeapMemoryUsage().getUsed());
        heap.gauge("Committed", (Gauge<Long>) () -> memory.getHeapMemoryUsage().getCommitted());
        heap.gauge("Max", (Gauge<Long>) () -> memory.getHeapMemoryUsage().getMax());
        MetricGroup nonHeap = jvm.addGroup("Memory").addGroup("NonHeap");
        nonHeap.gauge("Used", (Gauge<Long>) () -> memory.getNonHeapMemoryUsage().getUsed());
        nonHeap.gauge("Committed", (Gauge<Long>) () -> memory.getNonHeapMemoryUsage().getCommitted());
        nonHeap.gauge("Max", (Gauge<Long>) () -> memory.getNonHeapMemoryUsage().getMax());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            MetricGroup gc = jvm.addGroup("GarbageCollector").addGroup(collector.getName().replace(' ', '_'));
            gc.gauge("Count", (Gauge<Long>) collector::getCollectionCount);
            gc.gauge("Time", (Gauge<Long>) collector::getCollectionTime);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        jvm.addGroup("Threads").gauge("Count", (Gauge<Integer>) threads::getThreadCount);
        MetricGroup cpu = jvm.addGroup("CPU");
        cpu.gauge("Load", (Gauge<Double>) () -> operatingSystemAttribute("ProcessCpuLoad", -1.0));
        cpu.gauge("Time", (Gauge<Long>) () -> operatingSystemAttribute("ProcessCpuTime", -1L));
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        MetricGroup loader = jvm.addGroup("ClassLoader");
        loader.gauge("ClassesLoaded", (Gauge<Long>) classes::getTotalLoadedClassCount);
        loader.gauge("ClassesUnloaded", (Gauge<Long>) classes::getUnloadedClassCount);
    }

    /**
     * Reads an attribute of the platform's OperatingSystem MBean. Process CPU figures are not in
     * {@code java.lang.management}'s interface, but every HotSpot JVM exposes them as attributes;
     * a JVM that does not gets {@code fallback}.
     */
    private static <T> T operatingSystemAttribute(String name, T fallback) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object value = server.getAttribute(new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), name);
            @SuppressWarnings("unchecked")
            T typed = (T) fallback.getClass().cast(value);
            return typed;
        } catch (Exception e) {
            return fallback;
        }
    }
}
