package dev.meridian.gateway;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway process (the routing configuration itself lives in the YAML file named
 * by {@code config}).
 *
 * @param config path of the routing configuration file; a missing file means an empty configuration
 * @param maxRequestBody largest client request body accepted; larger ones get 413
 * @param catalogFile an operator's model catalog whose entries replace or add to the shipped ones
 */
@ConfigurationProperties("meridian")
public record GatewayProperties(@DefaultValue("./config.yaml") Path config,
		@DefaultValue("10MB") DataSize maxRequestBody, @Nullable Path catalogFile) {
}
