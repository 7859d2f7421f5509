package io.weir.runtime.checkpoint;

import java.io.Serializable;

/** One subtask of one vertex of a job graph, independent of its attempt. */
public record TaskKey(int vertexId, int subtaskIndex) implements Serializable, Comparable<TaskKey> {
    @Override
    public int compareTo(TaskKey o) {
        return vertexId != o.vertexId ? Integer.compare(vertexId, o.vertexId)
                : Integer.compare(subtaskIndex, o.subtaskIndex);
    }
}
