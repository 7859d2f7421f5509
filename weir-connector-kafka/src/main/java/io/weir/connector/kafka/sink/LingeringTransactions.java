package io.weir.connector.kafka.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;

/**
 * Aborts the transactions a failed attempt of the job left open and that the restored checkpoint
 * does not cover. Open transactions keep {@code read_committed} consumers from reading past them
 * until the broker times them out, so a restored writer ends them at once.
 *
 * <p>Which ones: the broker lists its open transactions; this writer subtask takes those with its
 * prefixes whose id {@code <prefix>-<s>-<n>} has {@code n} above the restored checkpoint (all of
 * them after a start without state) and whose subtask {@code s} it owns ({@code s mod parallelism}
 * is its index, so after a rescale every old subtask has exactly one owner). It aborts each by
 * fencing: {@code initTransactions()} with that transactional id makes the broker abort the open
 * transaction. Transactions with {@code n} at or below the restored checkpoint are left alone: the
 * committer commits them from the restored committables.
 *
 * <p>Listing instead of probing ids one by one (Flink's older way) also finds ids after a gap in
 * checkpoint numbers and ids of subtasks that no longer exist.
 */
final class LingeringTransactions {
    private static final System.Logger LOG = System.getLogger(LingeringTransactions.class.getName());

    private LingeringTransactions() {}

    /** The ids to abort among the listed open ones; see the class comment. */
    static List<String> toAbort(Collection<String> openIds, Collection<TransactionalIds> prefixes, int subtask,
            int parallelism, OptionalLong restoredCheckpointId) {
        long covered = restoredCheckpointId.orElse(0);
        List<String> result = new ArrayList<>();
        for (String id : openIds) {
            for (TransactionalIds ids : prefixes) {
                TransactionalIds.Parsed parsed = ids.parse(id);
                if (parsed != null && parsed.n() > covered && parsed.subtask() % parallelism == subtask) {
                    result.add(id);
                    break;
                }
            }
        }
        return result;
    }

    /** Lists the broker's open transactions and aborts those {@link #toAbort} picks; returns their ids. */
    static List<String> abort(Properties producerProperties, Collection<TransactionalIds> prefixes, int subtask,
            int parallelism, OptionalLong restoredCheckpointId, Duration timeout) throws InterruptedException {
        List<String> open = new ArrayList<>();
        try (Admin admin = Admin.create(adminProperties(producerProperties))) {
            Collection<TransactionListing> listings = admin.listTransactions(
                            new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING)))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            listings.forEach(listing -> open.add(listing.transactionalId()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The exactly-once Kafka sink could not list the open transactions on the"
                    + " brokers to abort those a failed attempt left behind: " + e + ". The producer (its principal)"
                    + " needs DESCRIBE on the transactional ids " + prefixes.stream().map(p -> p.prefix() + "-*").toList()
                    + ", and the brokers must answer within " + timeout.toMillis() + " ms.", e);
        }
        List<String> aborted = toAbort(open, prefixes, subtask, parallelism, restoredCheckpointId);
        for (String transactionalId : aborted) {
            try (TransactionalProducer fencer = new TransactionalProducer(producerProperties, transactionalId)) {
                fencer.initTransactions();
            }
            LOG.log(System.Logger.Level.INFO, "Aborted the lingering Kafka transaction " + transactionalId);
        }
        return aborted;
    }

    private static Properties adminProperties(Properties producerProperties) {
        Properties admin = new Properties();
        producerProperties.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                admin.put(key, value);
            }
        });
        return admin;
    }
}
