package io.weir.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API's OpenAPI 3.0 document, served at {@code /openapi.json}. Its paths are the routes
 * the server registers, as Javalin reports each one when it is added, so no route can be missing;
 * each route's description is its row of the REST table in docs/monitoring.md (packed into this
 * module's jar), so the reference page and the document say the same. A route without a row is
 * described as undocumented (and {@code OpenApiTest} fails). Request bodies come from the types
 * the handlers read ({@link JarEndpoints.RunRequest}).
 *
 * <p>Threading: routes are recorded while the server is built, on its building thread; the
 * document is built on a server thread per request, from the then complete list.
 */
final class OpenApiDocument {
    static final String PATH = "/openapi.json";
    static final String UNDOCUMENTED = "Undocumented: docs/monitoring.md has no row for this route.";

    /** A route in Javalin's syntax: {@code GET /jobs/{jobid}}. */
    record Route(String method, String path) {
        String key() {
            return method + " " + path;
        }
    }

    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);
    private static final Pattern DOCUMENTED_ROUTE = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`?\\s]*)`");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final Map<String, String> descriptions = descriptions(referencePage());

    /** Records every route the server adds from now on. */
    void listen(JavalinConfig config) {
        config.events.handlerAdded(handler -> {
            if (METHODS.contains(handler.getHttpMethod())) {
                routes.add(new Route(handler.getHttpMethod().name(), handler.getPath()));
            }
        });
    }

    /** The documented routes of the reference page, each with its description (Markdown). */
    static Map<String, String> descriptions(String markdown) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            int firstCellEnd = line.indexOf(" | ");
            if (firstCellEnd < 0) {
                continue;
            }
            String description = line.substring(firstCellEnd + 3).replaceAll("\\s*\\|\\s*$", "").trim();
            Matcher route = DOCUMENTED_ROUTE.matcher(line.substring(0, firstCellEnd));
            while (route.find()) {
                String path = route.group(2).replaceAll(":([A-Za-z]+)", "{$1}");
                descriptions.put(route.group(1) + " " + path, description);
            }
        }
        return descriptions;
    }

    private static String referencePage() {
        try (InputStream page = OpenApiDocument.class.getResourceAsStream("monitoring.md")) {
            if (page == null) {
                throw new IllegalStateException("monitoring.md is missing from weir-web's jar; the build packs it");
            }
            return new String(page.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The document, as a JSON tree. */
    Map<String, Object> json(String version) {
        Map<String, Object> paths = new TreeMap<>();
        for (Route route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> operations = (Map<String, Object>) paths.computeIfAbsent(route.path(),
                    p -> new LinkedHashMap<String, Object>());
            operations.put(route.method().toLowerCase(java.util.Locale.ROOT), operation(route));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Weir REST API");
        info.put("version", version);
        info.put("description", "Flink's REST paths and JSON shapes where Weir has the feature; see docs/monitoring.md.");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", info);
        document.put("paths", paths);
        document.put("components", Map.of("schemas", Map.of("Errors", errorsSchema(),
                "RunRequest", recordSchema(JarEndpoints.RunRequest.class))));
        return document;
    }

    private Map<String, Object> operation(Route route) {
        String description = descriptions.getOrDefault(route.key(), UNDOCUMENTED);
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", route.method().toLowerCase(java.util.Locale.ROOT)
                + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
        operation.put("summary", summary(description));
        operation.put("description", description);
        String[] segments = route.path().split("/");
        operation.put("tags", List.of(segments.length > 1 && !segments[1].isEmpty() ? segments[1] : "root"));
        List<Object> parameters = new ArrayList<>();
        Matcher parameter = PATH_PARAMETER.matcher(route.path());
        while (parameter.find()) {
            parameters.add(Map.of("name", parameter.group(1), "in", "path", "required", true,
                    "schema", Map.of("type", "string")));
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        Object body = requestBody(route);
        if (body != null) {
            operation.put("requestBody", body);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(route.method().equals("PATCH") ? "202" : "200", Map.of("description", summary(description)));
        responses.put("default", Map.of("description", "An error, with a message that says what to change",
                "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Errors")))));
        operation.put("responses", responses);
        return operation;
    }

    private static Object requestBody(Route route) {
        if (route.key().equals("POST /jars/upload")) {
            return Map.of("required", true, "content", Map.of("multipart/form-data", Map.of("schema", Map.of(
                    "type", "object", "required", List.of("jarfile"),
                    "properties", Map.of("jarfile", Map.of("type", "string", "format", "binary"))))));
        }
        if (route.key().equals("POST /jars/{jarid}/run") || route.key().equals("POST /jars/{jarid}/plan")) {
            return Map.of("required", false, "content", Map.of("application/json",
                    Map.of("schema", Map.of("$ref", "#/components/schemas/RunRequest"))));
        }
        return null;
    }

    /** The description up to its first {@code ". "} or {@code ": "} outside code, without Markdown's backticks. */
    static String summary(String description) {
        boolean inCode = false;
        int end = description.length();
        for (int i = 0; i < description.length() - 1; i++) {
            char c = description.charAt(i);
            if (c == '`') {
                inCode = !inCode;
            } else if (!inCode && (c == '.' || c == ':') && description.charAt(i + 1) == ' ') {
                end = i;
                break;
            }
        }
        return description.substring(0, end).replace("`", "").replaceAll("\\.$", "");
    }

    private static Map<String, Object> errorsSchema() {
        return Map.of("type", "object", "properties", Map.of("errors",
                Map.of("type", "array", "items", Map.of("type", "string"))));
    }

    /** A JSON schema of a record's components: the request body a handler reads. */
    static Map<String, Object> recordSchema(Class<? extends Record> type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            properties.put(component.getName(), schemaOf(component.getGenericType()));
        }
        return Map.of("type", "object", "additionalProperties", false, "properties", properties);
    }

    private static Map<String, Object> schemaOf(Type type) {
        if (type == String.class) {
            return Map.of("type", "string");
        }
        if (type == Integer.class || type == Long.class) {
            return Map.of("type", "integer");
        }
        if (type == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return Map.of("type", "array", "items", schemaOf(generic.getActualTypeArguments()[0]));
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class) {
            return Map.of("type", "object", "additionalProperties", schemaOf(generic.getActualTypeArguments()[1]));
        }
        throw new IllegalArgumentException("No JSON schema for " + type + "; add it to OpenApiDocument.schemaOf");
    }
}
