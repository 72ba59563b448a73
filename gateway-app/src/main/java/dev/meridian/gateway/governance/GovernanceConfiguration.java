package dev.meridian.gateway.governance;

import java.time.InstantSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

	/** The time keys expire and budget periods turn by; tests put their own clock in its place. */
	@Bean
	@ConditionalOnMissingBean
	InstantSource clock() {
		return InstantSource.system();
	}

}
