package io.weir.connector.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.sql.api.ValidationException;
import io.weir.testutils.MiniClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SQL over MQTT: JSON readings in, alerts out, corrupt readings to the dead-letter topic. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MqttTableFactoryTest {
    @RegisterExtension
    static final MqttBroker BROKER = new MqttBroker();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension();

    private static StreamTableEnvironment tables() {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(1);
        env.enableCheckpointing(20);
        return StreamTableEnvironment.create(env);
    }

    @Test
    void filtersJsonReadingsIntoAlertsAndDeadLettersCorruptOnes() throws Exception {
        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE readings (sensor STRING, temperature DOUBLE) WITH ('connector' = 'mqtt',"
                + " 'server-uri' = '" + BROKER.serverUri() + "', 'topic' = 'plant/+/temperature', 'format' = 'json',"
                + " 'client-id-prefix' = 'sql-readings', 'scan.bad-record.policy' = 'dead-letter',"
                + " 'scan.bad-record.dead-letter-topic' = 'plant/dead')");
        tables.executeSql("CREATE TABLE alerts (sensor STRING, temperature DOUBLE) WITH ('connector' = 'mqtt',"
                + " 'server-uri' = '" + BROKER.serverUri() + "', 'topic' = 'plant/alerts', 'format' = 'json')");
        MqttTestClient.createSession(BROKER, "sql-readings-0", "plant/+/temperature");
        try (MqttTestClient publisher = MqttTestClient.publisher(BROKER);
             MqttTestClient alerts = MqttTestClient.subscriber(BROKER, "plant/alerts");
             MqttTestClient dead = MqttTestClient.subscriber(BROKER, "plant/dead")) {
            publisher.publish("plant/a/temperature", "{\"sensor\": \"a\", \"temperature\": 21.5}");
            publisher.publish("plant/b/temperature", "{\"sensor\": \"b\", \"temperature\": 31.0}");
            publisher.publish("plant/b/temperature", "{\"sensor\": \"b\", \"temperature\": \"hot\"}");
            publisher.publish("plant/c/temperature", "{\"sensor\": \"c\", \"temperature\": 40.25}");
            JobClient job = tables.executeSql("INSERT INTO alerts SELECT sensor, temperature FROM readings"
                    + " WHERE temperature > 30").getJobClient().orElseThrow();
            Await.until(() -> alerts.received().size() >= 2 && dead.received().size() >= 1, Duration.ofSeconds(60),
                    "two alerts and one dead letter arrived");
            job.cancel().get(30, TimeUnit.SECONDS);
            assertEquals(new TreeSet<>(List.of("{\"sensor\":\"b\",\"temperature\":31.0}",
                    "{\"sensor\":\"c\",\"temperature\":40.25}")), new TreeSet<>(alerts.received()));
            assertEquals(List.of("{\"sensor\": \"b\", \"temperature\": \"hot\"}"), dead.received());
        }
    }

    @Test
    void missingAndMisspelledOptionsNameTheTable() {
        StreamTableEnvironment tables = tables();
        tables.executeSql("CREATE TABLE no_uri (v STRING) WITH ('connector' = 'mqtt', 'topic' = 't', 'format' = 'raw')");
        ValidationException missing = assertThrows(ValidationException.class,
                () -> tables.executeSql("SELECT * FROM no_uri").collect().close());
        assertTrue(missing.getMessage().contains("(connector 'mqtt'): the 'server-uri' option is missing"),
                missing.getMessage());
        tables.executeSql("CREATE TABLE typo (v STRING) WITH ('connector' = 'mqtt', 'server-uri' = 'tcp://h:1',"
                + " 'topic' = 't', 'format' = 'json', 'json.ignore-parse-error' = 'true')");
        ValidationException typo = assertThrows(ValidationException.class,
                () -> tables.executeSql("SELECT * FROM typo").collect().close());
        assertTrue(typo.getMessage().contains("did you mean 'json.ignore-parse-errors'"), typo.getMessage());
    }
}
