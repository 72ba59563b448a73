package dev.meridian.gateway.governance;

import java.time.InstantSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

	/** The time keys expire, limits count and budget periods turn by; tests put a clock they can move as primary. */
	@Bean
	InstantSource clock() {
		return InstantSource.system();
	}

}
