package io.weir.connector.jdbc;

import io.weir.api.connector.sink.Committer.CommitRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Commit requests for a committer driven by a test, counting how each ended. */
final class CommitRequests {
    private final List<CommitRequest<String>> requests = new ArrayList<>();
    private int alreadyCommitted;
    private int failed;

    CommitRequests(Collection<String> committables) {
        for (String committable : committables) {
            requests.add(new CommitRequest<>() {
                @Override
                public String getCommittable() {
                    return committable;
                }

                @Override
                public int getNumberOfRetries() {
                    return 0;
                }

                @Override
                public void signalFailedWithKnownReason(Throwable t) {
                    failed++;
                }

                @Override
                public void signalFailedWithUnknownReason(Throwable t) {
                    failed++;
                }

                @Override
                public void retryLater() {
                    failed++;
                }

                @Override
                public void updateAndRetryLater(String updated) {
                    failed++;
                }

                @Override
                public void signalAlreadyCommitted() {
                    alreadyCommitted++;
                }
            });
        }
    }

    Collection<CommitRequest<String>> all() {
        return requests;
    }

    int alreadyCommitted() {
        return alreadyCommitted;
    }

    int failed() {
        return failed;
    }
}
