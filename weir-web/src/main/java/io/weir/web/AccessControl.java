package io.weir.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.weir.api.configuration.Configuration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Who may call the REST API: an optional bearer token ({@code rest.auth.token}) that every route
 * demands, and the origins whose pages may call it from a browser ({@code rest.cors.allowed-origins}).
 * The dashboard's static files (HTML, scripts, styles, WebJars) hold no data and load without the
 * token, so a browser can open the dashboard and then send the token with its API calls; CORS
 * preflight requests ({@code OPTIONS}) carry no credentials by design and are answered without it.
 *
 * <p>Threading: immutable; the check runs on the server's request threads.
 */
final class AccessControl {
    /** Javalin's endpoint path for a request that only a static file matched. */
    private static final String STATIC_FILE = "*";

    private final byte[] token;
    private final List<String> allowedOrigins;

    AccessControl(Configuration configuration) {
        String configured = configuration.getOptional(WebOptions.AUTH_TOKEN).orElse(null);
        if (configured != null && configured.isBlank()) {
            throw new IllegalArgumentException(WebOptions.AUTH_TOKEN.key() + " is set but empty; set a secret, or remove"
                    + " the key to serve the API without authentication.");
        }
        this.token = configured == null ? null : configured.getBytes(StandardCharsets.UTF_8);
        this.allowedOrigins = configuration.getOptional(WebOptions.CORS_ALLOWED_ORIGINS).orElse(List.of());
    }

    /** Adds the CORS rule to the server's configuration, if origins are allowed. */
    void configure(JavalinConfig config) {
        if (allowedOrigins.isEmpty()) {
            return;
        }
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            if (allowedOrigins.contains("*")) {
                rule.anyHost();
            } else {
                rule.allowHost(allowedOrigins.get(0), allowedOrigins.subList(1, allowedOrigins.size())
                        .toArray(new String[0]));
            }
            rule.exposeHeader("Content-Type");
        }));
    }

    /** Demands the token on every route (not on static files) when one is configured. */
    void register(Javalin app) {
        if (token == null) {
            return;
        }
        app.beforeMatched(this::check);
    }

    private void check(Context ctx) {
        if (STATIC_FILE.equals(ctx.endpointHandlerPath())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new RestError(401, "This API needs a token: send the header 'Authorization: Bearer <token>' with the"
                    + " value of " + WebOptions.AUTH_TOKEN.key() + " (open the dashboard as /?token=<token>).");
        }
        byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token, presented)) { // constant time: the comparison leaks nothing
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new RestError(401, "The bearer token is not the one configured in " + WebOptions.AUTH_TOKEN.key()
                    + ".");
        }
    }
}
