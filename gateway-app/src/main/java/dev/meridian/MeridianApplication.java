package dev.meridian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Meridian: an LLM gateway in front of every model provider. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MeridianApplication {

	public static void main(String[] args) {
		SpringApplication.run(MeridianApplication.class, args);
	}

}
