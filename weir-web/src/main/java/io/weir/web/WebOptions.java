package io.weir.web;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import java.util.List;

/** Settings of the REST server, with Flink's keys. */
public final class WebOptions {
    private WebOptions() {}

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("rest.port")
            .intType().noDefaultValue()
            .withDescription("Port of the REST API. Setting it starts the server on the embedded cluster; 0 picks a"
                    + " free port (the URL is logged). Unset: no server.");

    public static final ConfigOption<String> ADDRESS = ConfigOptions.key("rest.address")
            .stringType().defaultValue("localhost")
            .withDescription("Host name clients use to reach the REST API; it appears in the logged URL.");

    public static final ConfigOption<String> BIND_ADDRESS = ConfigOptions.key("rest.bind-address")
            .stringType().defaultValue("localhost")
            .withDescription("Address the REST server listens on. The default serves this machine only; use"
                    + " 0.0.0.0 to serve every interface (the API can cancel jobs: protect it first).");

    public static final ConfigOption<String> BIND_PORT = ConfigOptions.key("rest.bind-port")
            .stringType().noDefaultValue()
            .withDescription("Port or range of ports (\"8081-8090\") the server listens on; the first free one is"
                    + " taken. Overrides rest.port for listening; setting it also starts the server.");

    public static final ConfigOption<String> LOG_PATH = ConfigOptions.key("web.log.path")
            .stringType().noDefaultValue()
            .withDescription("The process's log file, whose directory the REST API serves (GET /jobmanager/logs)."
                    + " Unset: the system property log.file, which bin/weir sets; neither: no logs are served.");

    public static final ConfigOption<Boolean> SUBMIT_ENABLE = ConfigOptions.key("web.submit.enable")
            .booleanType().defaultValue(true)
            .withDescription("Whether jars may be uploaded and run through the REST API and the dashboard (/jars)."
                    + " A program runs inside the cluster's process with its rights: turn this off, or keep the server"
                    + " on localhost, when others can reach it.");

    public static final ConfigOption<String> UPLOAD_DIR = ConfigOptions.key("web.upload.dir")
            .stringType().noDefaultValue()
            .withDescription("Directory where uploaded jars are kept (POST /jars/upload); they stay there across"
                    + " restarts. Unset: a new directory under java.io.tmpdir, deleted when the server stops.");

    public static final ConfigOption<Long> MAX_CONTENT_LENGTH = ConfigOptions.key("rest.server.max-content-length")
            .longType().defaultValue(104_857_600L)
            .withDescription("Largest request body the REST server accepts, in bytes (an uploaded jar included);"
                    + " a larger one is refused with 413.");

    public static final ConfigOption<String> AUTH_TOKEN = ConfigOptions.key("rest.auth.token")
            .stringType().noDefaultValue()
            .withDescription("A secret that every REST request must carry as the header 'Authorization: Bearer"
                    + " <token>'; others get 401. The dashboard's pages load without it and send it once opened as"
                    + " http://host:port/?token=<token>. Plain HTTP carries it in clear text: serve HTTPS"
                    + " (security.ssl.rest.enabled) or use it on a trusted network. Unset: no authentication.");

    public static final ConfigOption<List<String>> CORS_ALLOWED_ORIGINS = ConfigOptions.key("rest.cors.allowed-origins")
            .stringType().asList().noDefaultValue()
            .withDeprecatedKeys("web.access-control-allow-origin")
            .withDescription("Origins (scheme://host:port) whose web pages may call the REST API from a browser"
                    + " (CORS), separated by ';'; '*' allows every origin. Unset: only pages the server itself"
                    + " serves (Flink allows every origin by default).");

    public static List<ConfigOption<?>> all() {
        return List.of(PORT, ADDRESS, BIND_ADDRESS, BIND_PORT, LOG_PATH, SUBMIT_ENABLE, UPLOAD_DIR, MAX_CONTENT_LENGTH,
                AUTH_TOKEN, CORS_ALLOWED_ORIGINS);
    }
}
