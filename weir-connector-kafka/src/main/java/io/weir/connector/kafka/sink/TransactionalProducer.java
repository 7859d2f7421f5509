package io.weir.connector.kafka.sink;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.internals.TransactionManager;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;

/**
 * A producer with one transactional id that can also finish a transaction another producer
 * instance began.
 *
 * <h2>Why reflection</h2>
 * Exactly-once needs the commit to happen after the checkpoint completed, possibly in another
 * process than the one that wrote the records (after a failover). Kafka's public producer API can
 * only commit a transaction from the instance that began it, and {@code initTransactions()} on a
 * new instance aborts whatever the transactional id had open. kafka-clients 4.3 has the pieces of
 * KIP-939 (two-phase commit participation: keep a prepared transaction across producers) inside its
 * {@code TransactionManager}, but {@link KafkaProducer} does not expose them, and the broker side
 * needs an ACL and a broker switch. So, like Flink's Kafka connector, {@link #resume} sets the
 * transaction manager's producer id and epoch to those the writer recorded and moves it to "in
 * transaction", without asking the broker; {@code commitTransaction()} then sends EndTxn for that
 * producer id and epoch. The broker accepts it if the transaction is still open (commits it), and
 * also when it was already committed (EndTxn is idempotent); it refuses it with
 * {@code ProducerFencedException} when the transaction was aborted (timed out, or fenced).
 *
 * <p>This reads and writes private members of kafka-clients 4.3 ({@code KafkaProducer.transactionManager},
 * {@code TransactionManager.producerIdAndEpoch}, {@code transitionTo}, {@code transactionStarted},
 * {@code isTransactionV2Enabled}); another client version may rename them, in which case every use
 * fails with an error naming the member. KafkaSinkExactlyOnceTest covers the commit-after-restore
 * path, so an upgrade that breaks it fails the build.
 *
 * <p>Threading: like {@link KafkaProducer}; Weir uses each instance from one task thread.
 */
final class TransactionalProducer extends KafkaProducer<byte[], byte[]> {
    private final String transactionalId;

    TransactionalProducer(Properties producerProperties, String transactionalId) {
        super(withTransactionalId(producerProperties, transactionalId), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.transactionalId = transactionalId;
    }

    private static Properties withTransactionalId(Properties properties, String transactionalId) {
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.setProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return copy;
    }

    String transactionalId() {
        return transactionalId;
    }

    /** The open transaction as a committable; call after {@code initTransactions()}. */
    KafkaCommittable committable() {
        TransactionManager manager = transactionManager();
        ProducerIdAndEpoch idAndEpoch = (ProducerIdAndEpoch) read(manager, "producerIdAndEpoch");
        return new KafkaCommittable(transactionalId, idAndEpoch.producerId, idAndEpoch.epoch,
                manager.isTransactionV2Enabled());
    }

    /**
     * Makes this (new, uninitialized) producer the owner of the committable's open transaction, so
     * that {@code commitTransaction()} commits it. Do not call {@code initTransactions()} on it: that
     * would abort the transaction.
     */
    void resume(KafkaCommittable committable) {
        if (!committable.transactionalId().equals(transactionalId)) {
            throw new IllegalArgumentException("Cannot resume " + committable + " with the producer of " + transactionalId);
        }
        TransactionManager manager = transactionManager();
        synchronized (manager) {
            transitionTo(manager, "INITIALIZING");
            write(manager, "producerIdAndEpoch", new ProducerIdAndEpoch(committable.producerId(), committable.epoch()));
            write(manager, "isTransactionV2Enabled", committable.transactionV2());
            transitionTo(manager, "READY");
            transitionTo(manager, "IN_TRANSACTION");
            // without it commitTransaction() sees an empty transaction and sends nothing
            write(manager, "transactionStarted", true);
        }
    }

    private TransactionManager transactionManager() {
        return (TransactionManager) read(this, KafkaProducer.class, "transactionManager");
    }

    private static Object read(TransactionManager manager, String name) {
        return read(manager, TransactionManager.class, name);
    }

    private static Object read(Object target, Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw incompatibleClient(owner.getName() + "." + name, e);
        }
    }

    private static void write(TransactionManager manager, String name, Object value) {
        try {
            Field field = TransactionManager.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(manager, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw incompatibleClient(TransactionManager.class.getName() + "." + name, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void transitionTo(TransactionManager manager, String state) {
        try {
            Class<Enum> states = (Class<Enum>) Class.forName(TransactionManager.class.getName() + "$State");
            Method transition = TransactionManager.class.getDeclaredMethod("transitionTo", states);
            transition.setAccessible(true);
            transition.invoke(manager, Enum.valueOf(states, state));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw incompatibleClient(TransactionManager.class.getName() + ".transitionTo(" + state + ")", e);
        }
    }

    private static IllegalStateException incompatibleClient(String member, Exception cause) {
        return new IllegalStateException("The exactly-once KafkaSink cannot resume a Kafka transaction with this"
                + " kafka-clients version (" + org.apache.kafka.common.utils.AppInfoParser.getVersion() + "): "
                + member + " is missing or changed. Use kafka-clients 4.3.x, which Weir is built and tested"
                + " with, or DeliveryGuarantee.AT_LEAST_ONCE.", cause);
    }
}
