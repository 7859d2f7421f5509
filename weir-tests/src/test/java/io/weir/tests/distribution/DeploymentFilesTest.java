package io.weir.tests.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.ConfigOptionRegistry;
import io.weir.api.configuration.Configuration;
import io.weir.runtime.configuration.GlobalConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container image and Kubernetes manifests under {@code deploy/}: no Docker daemon or Kubernetes
 * runs here, so their structure is checked instead — the YAML parses, objects refer to each other
 * correctly (selectors and labels, Services' target ports, ConfigMap volumes and keys, images,
 * commands of the entry point), and every configuration key they set is one Weir knows.
 */
class DeploymentFilesTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Path ENTRYPOINT = DEPLOY.resolve("docker/docker-entrypoint.sh");
    private static final Pattern ENV_OPTION = Pattern.compile("^\\s*env_option ([A-Z_]+) ([A-Za-z0-9.-]+)\\s*$",
            Pattern.MULTILINE);
    /** Environment variables the manifests may set besides those the entry point maps to options. */
    private static final Set<String> OTHER_VARIABLES = Set.of("WEIR_CONF_DIR", "WEIR_PROPERTIES", "WEIR_JAVA_OPTS",
            "REQUIRED_SLOTS");

    @TempDir
    Path dir;

    /** Every object of every manifest of a mode, in file order. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(String mode) throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes").resolve(mode))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    Map<String, Object> object = (Map<String, Object>) document;
                    assertNotNull(object.get("apiVersion"), file + ": apiVersion");
                    assertNotNull(object.get("kind"), file + ": kind");
                    assertNotNull(path(object, "metadata", "name"), file + ": metadata.name");
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static <T> T path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    private static String name(Map<String, Object> object) {
        return path(object, "metadata", "name");
    }

    /** The pod template of a Deployment or Job. */
    private static Map<String, Object> podTemplate(Map<String, Object> workload) {
        return path(workload, "spec", "template");
    }

    private static List<Map<String, Object>> containers(Map<String, Object> podTemplate) {
        List<Map<String, Object>> all = new ArrayList<>();
        List<Map<String, Object>> init = path(podTemplate, "spec", "initContainers");
        if (init != null) {
            all.addAll(init);
        }
        all.addAll(path(podTemplate, "spec", "containers"));
        return all;
    }

    private static Map<String, String> entryPointOptions() throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        Matcher m = ENV_OPTION.matcher(Files.readString(ENTRYPOINT));
        while (m.find()) {
            options.put(m.group(1), m.group(2));
        }
        return options;
    }

    @ParameterizedTest
    @ValueSource(strings = {"session", "application"})
    void deploymentsSelectTheirOwnPodsAndServicesReachThem(String mode) throws IOException {
        List<Map<String, Object>> objects = objects(mode);
        List<Map<String, Object>> workloads = new ArrayList<>(ofKind(objects, "Deployment"));
        assertEquals(2, workloads.size(), mode + ": a JobManager and a TaskManager Deployment");
        for (Map<String, Object> deployment : workloads) {
            Map<String, Object> selector = path(deployment, "spec", "selector", "matchLabels");
            Map<String, Object> labels = path(podTemplate(deployment), "metadata", "labels");
            assertTrue(labels.entrySet().containsAll(selector.entrySet()),
                    name(deployment) + ": its selector " + selector + " matches its pods' labels " + labels);
        }
        workloads.addAll(ofKind(objects, "Job"));
        List<Map<String, Object>> services = ofKind(objects, "Service");
        assertEquals(1, services.size(), mode + ": the JobManager's Service");
        for (Map<String, Object> service : services) {
            Map<String, Object> selector = path(service, "spec", "selector");
            List<Map<String, Object>> selected = workloads.stream().filter(w -> ((Map<String, Object>) path(
                    podTemplate(w), "metadata", "labels")).entrySet().containsAll(selector.entrySet())).toList();
            assertEquals(1, selected.size(), name(service) + " selects the pods of one workload: " + selector);
            Set<Object> containerPorts = new HashSet<>();
            for (Map<String, Object> container : containers(podTemplate(selected.get(0)))) {
                List<Map<String, Object>> ports = path(container, "ports");
                for (Map<String, Object> port : ports == null ? List.<Map<String, Object>>of() : ports) {
                    containerPorts.add(port.get("name"));
                    containerPorts.add(port.get("containerPort"));
                }
            }
            for (Map<String, Object> port : (List<Map<String, Object>>) path(service, "spec", "ports")) {
                Object target = port.getOrDefault("targetPort", port.get("port"));
                assertTrue(containerPorts.contains(target), name(service) + ": target port " + target
                        + " is a port of " + name(selected.get(0)) + "'s containers " + containerPorts);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"session", "application"})
    void everyReferenceAndSettingIsOneThatExists(String mode) throws IOException {
        List<Map<String, Object>> objects = objects(mode);
        Map<String, Map<String, Object>> configMaps = new HashMap<>();
        ofKind(objects, "ConfigMap").forEach(c -> configMaps.put(name(c), c));
        Set<String> serviceNames = new HashSet<>();
        ofKind(objects, "Service").forEach(s -> serviceNames.add(name(s)));
        Map<String, String> mapped = entryPointOptions();
        Set<String> images = new HashSet<>();
        List<Map<String, Object>> workloads = new ArrayList<>(ofKind(objects, "Deployment"));
        workloads.addAll(ofKind(objects, "Job"));
        for (Map<String, Object> workload : workloads) {
            Map<String, Object> pod = podTemplate(workload);
            Map<String, String> volumeConfigMaps = new HashMap<>();
            for (Map<String, Object> volume : (List<Map<String, Object>>) path(pod, "spec", "volumes")) {
                String configMap = path(volume, "configMap", "name");
                if (configMap != null) {
                    assertTrue(configMaps.containsKey(configMap), name(workload) + " mounts ConfigMap " + configMap);
                    for (Map<String, Object> item : (List<Map<String, Object>>) path(volume, "configMap", "items")) {
                        assertTrue(((Map<?, ?>) path(configMaps.get(configMap), "data")).containsKey(item.get("key")),
                                name(workload) + ": ConfigMap " + configMap + " holds " + item.get("key"));
                    }
                    volumeConfigMaps.put((String) volume.get("name"), configMap);
                }
            }
            assertEquals(Integer.valueOf(9999), path(pod, "spec", "securityContext", "runAsUser"),
                    name(workload) + " runs as the image's user, not root");
            for (Map<String, Object> container : containers(pod)) {
                images.add((String) container.get("image"));
                List<Map<String, Object>> mounts = path(container, "volumeMounts");
                for (Map<String, Object> mount : mounts == null ? List.<Map<String, Object>>of() : mounts) {
                    assertTrue(volumeConfigMaps.containsKey(mount.get("name")), name(workload) + " mounts a volume"
                            + " it declares: " + mount.get("name"));
                }
                List<Map<String, Object>> env = path(container, "env");
                for (Map<String, Object> variable : env == null ? List.<Map<String, Object>>of() : env) {
                    String variableName = (String) variable.get("name");
                    assertTrue(mapped.containsKey(variableName) || OTHER_VARIABLES.contains(variableName),
                            name(workload) + " sets " + variableName + ", which the entry point does not read");
                    if ("JOB_MANAGER_RPC_ADDRESS".equals(variableName) && variable.get("value") != null) {
                        assertTrue(serviceNames.contains(variable.get("value")), name(workload)
                                + " reaches the JobManager through its Service: " + variable.get("value"));
                    }
                }
                List<String> args = path(container, "args");
                assertTrue(args != null && !args.isEmpty(), name(workload) + " says what to run");
                assertTrue(List.of("jobmanager", "taskmanager", "weir", "bash").contains(args.get(0)),
                        name(workload) + ": the entry point runs " + args.get(0));
                if (args.contains("-m")) {
                    String address = args.get(args.indexOf("-m") + 1);
                    assertTrue(serviceNames.contains(address.substring(0, address.indexOf(':'))),
                            name(workload) + " submits to the JobManager's Service: " + address);
                }
            }
        }
        assertEquals(1, images.size(), mode + ": every container runs the one Weir image: " + images);
        for (Map<String, Object> configMap : configMaps.values()) {
            String yaml = path(configMap, "data", "config.yaml");
            assertNotNull(yaml, name(configMap) + " holds config.yaml");
            assertSettingsAreKnown(name(configMap), yaml);
        }
    }

    /** Each key is an option of Weir's registry, and Weir's own loader reads the file without complaint. */
    private void assertSettingsAreKnown(String where, String yaml) throws IOException {
        Files.writeString(dir.resolve("config.yaml"), yaml);
        Configuration configuration = GlobalConfiguration.loadConfiguration(dir);
        assertFalse(configuration.keySet().isEmpty(), where);
        for (String key : configuration.keySet()) {
            assertTrue(ConfigOptionRegistry.global().find(key).isPresent(), where + " sets '" + key
                    + "', which is no option of Weir's");
        }
    }

    @Test
    void theEntryPointSetsOnlyKnownOptionsAndTheImageRunsItAsAUser() throws IOException {
        Map<String, String> mapped = entryPointOptions();
        assertEquals(Set.of("JOB_MANAGER_RPC_ADDRESS", "TASK_MANAGER_NUMBER_OF_TASK_SLOTS", "TASK_MANAGER_HOST"),
                mapped.keySet());
        for (String key : mapped.values()) {
            assertTrue(ConfigOptionRegistry.global().find(key).isPresent(), "the entry point sets " + key);
        }
        String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
        assertTrue(dockerfile.lines().anyMatch(l -> l.matches("FROM eclipse-temurin:17-jre")), "JDK 17");
        assertTrue(dockerfile.lines().anyMatch(l -> l.matches("USER weir(:weir)?")), "not root");
        assertTrue(dockerfile.contains("ENTRYPOINT [\"/opt/weir/bin/docker-entrypoint.sh\"]"));
        assertTrue(dockerfile.contains("COPY --chown=weir:weir --chmod=0755 deploy/docker/docker-entrypoint.sh"
                + " /opt/weir/bin/docker-entrypoint.sh"), "the entry point the image runs is this one");
        assertTrue(Files.isExecutable(ENTRYPOINT));
    }
}
