package dev.meridian.db.ledger;

import java.time.Instant;

import dev.meridian.db.DatabaseConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A process that appends ledger rows without end, numbered from 0, and reports how many it appended
 * and how many the writer stored, until {@link LedgerCrashTest} kills it.
 */
public final class LedgerCrashChild {

	private LedgerCrashChild() {
	}

	public static void main(String[] args) throws InterruptedException {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(DatabaseConfiguration.class,
				SpendLedgerWriter.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("meterRegistry", new SimpleMeterRegistry()))
			.web(WebApplicationType.NONE)
			.run("--meridian.database.url=" + args[0], "--meridian.data-dir=" + args[1],
					"--meridian.ledger.flush-interval=100ms", "--spring.main.banner-mode=off", "--logging.level.root=warn");
		SpendLedgerWriter writer = app.getBean(SpendLedgerWriter.class);
		MeterRegistry metrics = app.getBean(MeterRegistry.class);
		for (long n = 0;; n++) {
			writer.append(LedgerRows.row(Long.toString(n), Instant.now()));
			if (n % 250 == 249) {
				System.out.println("appended=" + (n + 1) + " written="
						+ (long) metrics.get("meridian.ledger.rows.written").counter().count());
				Thread.sleep(20);
			}
		}
	}

}
