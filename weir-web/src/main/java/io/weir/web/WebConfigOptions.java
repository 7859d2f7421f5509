package io.weir.web;

import io.weir.api.configuration.ApiConfigOptions;
import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptionProvider;
import io.weir.web.prometheus.PrometheusReporter;
import java.util.List;

/** The options the web module declares (REST server, Prometheus endpoint), registered through {@code META-INF/services}. */
public final class WebConfigOptions implements ConfigOptionProvider {

    @Override
    public List<ConfigOption<?>> options() {
        return ApiConfigOptions.optionsOf(WebOptions.class, PrometheusReporter.class);
    }

    @Override
    public List<String> claimedNamespaces() {
        return List.of("rest.", "web.");
    }
}
