package io.weir.connector.kafka.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Which open transactions a restored writer subtask aborts. */
class LingeringTransactionsTest {
    private static final List<TransactionalIds> JOB = List.of(new TransactionalIds("job"));
    private static final List<String> OPEN = List.of("job-0-3", "job-0-4", "job-0-5", "job-1-5", "job-2-9",
            "job-3-1", "job-x-1", "other-0-9", "job-a-b-0-9");

    @Test
    void onlyTransactionsAfterTheRestoredCheckpointAreAborted() {
        assertEquals(List.of("job-0-5"), LingeringTransactions.toAbort(OPEN, JOB, 0, 1, OptionalLong.of(4)).subList(0, 1));
        assertEquals(List.of("job-0-5", "job-1-5", "job-2-9"),
                LingeringTransactions.toAbort(OPEN, JOB, 0, 1, OptionalLong.of(4)));
    }

    @Test
    void withoutARestoredCheckpointEveryOpenTransactionOfTheOwnedSubtasksIsAborted() {
        assertEquals(List.of("job-0-3", "job-0-4", "job-0-5", "job-2-9"),
                LingeringTransactions.toAbort(OPEN, JOB, 0, 2, OptionalLong.empty()));
        assertEquals(List.of("job-1-5", "job-3-1"), LingeringTransactions.toAbort(OPEN, JOB, 1, 2, OptionalLong.empty()));
    }

    @Test
    void eachOldSubtaskHasOneOwnerAfterARescale() {
        for (int parallelism = 1; parallelism <= 4; parallelism++) {
            int owners = 0;
            for (int subtask = 0; subtask < parallelism; subtask++) {
                owners += LingeringTransactions.toAbort(List.of("job-3-7"), JOB, subtask, parallelism,
                        OptionalLong.of(6)).size();
            }
            assertEquals(1, owners, "parallelism " + parallelism);
        }
    }

    @Test
    void transactionsOfAnEarlierPrefixAreAbortedToo() {
        List<TransactionalIds> both = List.of(new TransactionalIds("job"), new TransactionalIds("old"));
        assertEquals(List.of("old-0-8"), LingeringTransactions.toAbort(List.of("old-0-8", "older-0-8"), both, 0, 1,
                OptionalLong.of(7)));
    }
}
