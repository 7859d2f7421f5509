package io.weir.api.functions.source;

import io.weir.api.functions.TaskInfo;
import java.util.Iterator;
import java.util.Objects;

/**
 * The source function of {@code StreamExecutionEnvironment.fromParallelCollection}: each parallel
 * subtask emits its own part of a {@link SplittableIterator} (part {@code i} of {@code n} for
 * subtask {@code i} of {@code n}), each element under the checkpoint lock, and ends when its part
 * does. It keeps no position in checkpoints: a restored job emits its parts again from the start.
 */
public class FromSplittableIteratorFunction<T> extends RichParallelSourceFunction<T> {
    private static final long serialVersionUID = 1L;

    private final SplittableIterator<T> fullIterator;
    private volatile boolean running = true;

    public FromSplittableIteratorFunction(SplittableIterator<T> iterator) {
        this.fullIterator = Objects.requireNonNull(iterator, "iterator");
    }

    @Override
    public void run(SourceContext<T> ctx) {
        TaskInfo task = getRuntimeContext().getTaskInfo();
        Iterator<T> part = fullIterator.getSplit(task.getIndexOfThisSubtask(), task.getNumberOfParallelSubtasks());
        Object lock = ctx.getCheckpointLock();
        while (running && part.hasNext()) {
            synchronized (lock) {
                ctx.collect(part.next());
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
