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

    public static List<ConfigOption<?>> all() {
        return List.of(PORT, ADDRESS, BIND_ADDRESS, BIND_PORT);
    }
}
