package io.weir.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The web dashboard: static pages (HTML, CSS, plain JavaScript, no build step) committed under
 * {@code io/weir/web/dashboard}, and the two libraries they use from WebJars, dagre (graph layout)
 * and Chart.js, under {@code /webjars}. The pages read everything through the REST API, so the
 * dashboard shows nothing the API does not; see docs/monitoring.md.
 */
final class Dashboard {
    static final String RESOURCES = "/io/weir/web/dashboard";

    private Dashboard() {}

    static void serve(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = RESOURCES;
            files.location = Location.CLASSPATH;
        });
        config.staticFiles.enableWebjars();
    }
}
