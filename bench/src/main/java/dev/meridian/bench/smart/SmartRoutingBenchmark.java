package dev.meridian.bench.smart;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.meridian.gateway.routing.smart.Classification;
import dev.meridian.gateway.routing.smart.PromptClassifier;
import dev.meridian.gateway.routing.smart.RouteDecision;
import dev.meridian.gateway.routing.smart.SmartRouter;
import dev.meridian.gateway.routing.smart.Tier;
import dev.meridian.gateway.routing.smart.TierPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The smart-routing decision on chat requests of 1, 8 and 64 KB: the classifier alone
 * ({@code classify}), and the whole decision the gateway makes per request ({@code route}: header
 * and key policy, classification, the tier's model group). Sampled, so JMH reports the median
 * ({@code p0.50}); run with {@code -prof gc} for bytes allocated per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SmartRoutingBenchmark {

	@Param({ "1", "8", "64" })
	public int kilobytes;

	private byte[] body;

	private final PromptClassifier classifier = PromptClassifier.DEFAULT;

	private final SmartRouter router = new SmartRouter("auto", Map.of(Tier.SIMPLE, "gpt-4o-mini", Tier.MEDIUM, "gpt-4o",
			Tier.COMPLEX, "claude-sonnet", Tier.REASONING, "o3"), "gpt-4o", PromptClassifier.DEFAULT);

	@Setup
	public void prepare() {
		body = ChatRequests.ofSize(kilobytes * 1024).getBytes(StandardCharsets.UTF_8);
	}

	@Benchmark
	public Classification classify() {
		return classifier.classify(body);
	}

	@Benchmark
	public RouteDecision route() {
		return router.route(body, null, TierPolicy.NONE);
	}

}
