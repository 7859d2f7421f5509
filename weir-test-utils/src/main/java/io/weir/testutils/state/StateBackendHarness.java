package io.weir.testutils.state;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.execution.JobID;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.checkpoint.CheckpointStorage;
import io.weir.runtime.checkpoint.CheckpointingSettings;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.KeyedStateFiles;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.checkpoint.TaskStateHandle;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.runtime.state.KeyedBackendParameters;
import io.weir.runtime.state.KeyedStateSnapshot;
import io.weir.runtime.state.StateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Creates keyed state backends of one {@link StateBackend} the way a task does, and takes their
 * checkpoints through real checkpoint storage in a directory (files written, shared files stored
 * once, state read back as a restore reads it), so a backend is tested with what it really
 * writes. Dispose it to free the backends (native memory, local directories).
 *
 * <p>Threading: one test thread.
 */
public final class StateBackendHarness implements AutoCloseable {
    private static final int OPERATOR_ID = 1;

    private final StateBackend stateBackend;
    private final Configuration configuration;
    private final CheckpointStorage storage;
    private final Path checkpointRoot;
    private final JobID job = JobID.generate();
    private final List<AbstractKeyedStateBackend<?>> created = new ArrayList<>();

    /**
     * @param configuration the job's configuration (backend options); its checkpoint directory is
     *     set to {@code checkpointDirectory}
     */
    public StateBackendHarness(StateBackend stateBackend, Configuration configuration, Path checkpointDirectory) {
        this.stateBackend = stateBackend;
        this.configuration = configuration;
        this.checkpointRoot = checkpointDirectory;
        Configuration withDirectory = new Configuration(configuration);
        withDirectory.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory.toString());
        this.storage = CheckpointStorage.create(CheckpointingSettings.of(withDirectory), job);
    }

    public StateBackend stateBackend() {
        return stateBackend;
    }

    /** A backend of {@code maxParallelism} key groups owning {@code range}, TTL measured on {@code clock}. */
    public <K> AbstractKeyedStateBackend<K> create(KeyGroupRange range, int maxParallelism, TypeSerializer<K> keySerializer,
            LongSupplier clock) {
        AbstractKeyedStateBackend<K> backend = stateBackend.createKeyedStateBackend(new KeyedBackendParameters<>(
                "counter", 0, maxParallelism, range, new SerializerConfig(), keySerializer, configuration));
        backend.setTtlTimeProvider(clock);
        created.add(backend);
        return backend;
    }

    /**
     * Takes checkpoint {@code checkpointId} of {@code backend} and reads it back from checkpoint
     * storage, as a restore after a failure would get it.
     *
     * @param canonical a savepoint (self-contained, backend-independent) rather than a checkpoint
     */
    public OperatorSubtaskState checkpoint(AbstractKeyedStateBackend<?> backend, long checkpointId, boolean canonical) {
        KeyedStateSnapshot snapshot = backend.snapshot(checkpointId, canonical);
        OperatorSubtaskState state = new OperatorSubtaskState(backend.getKeyGroupRange(), snapshot.keyGroups(),
                List.of(), snapshot.files() == null ? List.<KeyedStateFiles>of() : List.of(snapshot.files()));
        TaskKey task = new TaskKey(OPERATOR_ID, backend.getKeyGroupRange().start());
        try {
            TaskStateHandle handle = storage.writeTaskState(checkpointId, task,
                    new TaskStateSnapshot(checkpointId, Map.of(OPERATOR_ID, state)));
            CompletedCheckpoint completed = new CompletedCheckpoint(checkpointId, 0, Map.of(task, handle), null, Map.of(),
                    checkpointDirectory(checkpointId).toString());
            return storage.readTaskState(completed, handle).of(OPERATOR_ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where checkpoint {@code checkpointId} is written. */
    public Path checkpointDirectory(long checkpointId) {
        return jobDirectory().resolve("chk-" + checkpointId);
    }

    /** The job's checkpoint directory, with {@code shared/} for the files of incremental checkpoints. */
    public Path jobDirectory() {
        return checkpointRoot.resolve(job.toHexString());
    }

    /** Fills a fresh backend from a checkpoint (the key groups and files it owns). */
    public static void restore(AbstractKeyedStateBackend<?> backend, OperatorSubtaskState state) {
        backend.restore(state.keyedState(), state.keyedFiles());
    }

    @Override
    public void close() {
        for (AbstractKeyedStateBackend<?> backend : created) {
            backend.dispose();
        }
        created.clear();
    }
}
