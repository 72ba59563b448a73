package dev.meridian.gateway.provider.bedrock;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import static dev.meridian.gateway.testsupport.Fixtures.object;
import static dev.meridian.gateway.testsupport.Fixtures.resource;
import static dev.meridian.gateway.testsupport.Fixtures.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BedrockEmbeddingTranslatorTest {

	private final BedrockEmbeddingTranslator titan = new BedrockEmbeddingTranslator("amazon.titan-embed-text-v2:0");

	private final BedrockEmbeddingTranslator cohere = new BedrockEmbeddingTranslator("cohere.embed-english-v3");

	@Test
	void titanEmbedsOneTextPerCallNormalizedWithTheAskedDimensions() {
		List<ObjectNode> bodies = this.titan.toInvokeBodies(object("""
				{"model":"titan","input":["first text","second text"],"dimensions":256}"""));

		assertThat(bodies).containsExactly(object("""
				{"inputText":"first text","dimensions":256,"normalize":true}"""), object("""
				{"inputText":"second text","dimensions":256,"normalize":true}"""));
	}

	@Test
	void titanAnswersBecomeOneOpenAiListWithTheTokenCountsSummed() {
		ObjectNode embeddings = this.titan.toOpenAiEmbeddings(List.of(
				resource("bedrock/titan-embed-response-1.json"), resource("bedrock/titan-embed-response-2.json")),
				"titan");

		assertThat(wire(embeddings)).isEqualTo(object("""
				{"object":"list","data":[
				 {"object":"embedding","index":0,"embedding":[0.0123,-0.5,0.25]},
				 {"object":"embedding","index":1,"embedding":[0.75,0.0,-0.125]}],
				 "model":"titan","usage":{"prompt_tokens":11,"total_tokens":11}}"""));
	}

	@Test
	void base64IsLittleEndianFloat32AsOpenAiSendsIt() {
		ObjectNode embeddings = this.titan.toOpenAiEmbeddings(
				List.of(resource("bedrock/titan-embed-response-1.json")), "titan", "base64", 0);

		ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(embeddings.at("/data/0/embedding").stringValue()))
			.order(ByteOrder.LITTLE_ENDIAN);
		assertThat(bytes.remaining()).isEqualTo(12);
		assertThat(new float[] { bytes.getFloat(), bytes.getFloat(), bytes.getFloat() })
			.containsExactly(0.0123f, -0.5f, 0.25f);
	}

	@Test
	void cohereEmbedsUpToNinetySixTextsPerCallAsSearchDocuments() {
		ObjectNode request = object("{\"input\":[]}");
		IntStream.range(0, 100).forEach(i -> request.withArray("input").add("text " + i));

		List<ObjectNode> bodies = this.cohere.toInvokeBodies(request);

		assertThat(bodies).hasSize(2);
		assertThat(bodies.get(0).get("texts")).hasSize(96);
		assertThat(bodies.get(0).get("texts").get(95).stringValue()).isEqualTo("text 95");
		assertThat(bodies.get(1)).isEqualTo(object("""
				{"texts":["text 96","text 97","text 98","text 99"],"input_type":"search_document"}"""));
	}

	@Test
	void cohereTakesTheInputTypeTheClientNames() {
		List<ObjectNode> bodies = this.cohere.toInvokeBodies(object("""
				{"input":"what is the capital of France?","input_type":"search_query"}"""));

		assertThat(bodies).containsExactly(object("""
				{"texts":["what is the capital of France?"],"input_type":"search_query"}"""));
	}

	@Test
	void cohereAnswersBecomeOneOpenAiListWithTheTokenCountFromTheHeaders() {
		ObjectNode embeddings = this.cohere.toOpenAiEmbeddings(List.of(resource("bedrock/cohere-embed-response.json")),
				"embed-english", "float", 6);

		assertThat(wire(embeddings)).isEqualTo(object("""
				{"object":"list","data":[
				 {"object":"embedding","index":0,"embedding":[0.031,-0.022,0.5]},
				 {"object":"embedding","index":1,"embedding":[-0.25,0.125,0.0]}],
				 "model":"embed-english","usage":{"prompt_tokens":6,"total_tokens":6}}"""));
	}

	@Test
	void cohereV4TakesDimensionsAndAnswersVectorsByType() {
		BedrockEmbeddingTranslator v4 = new BedrockEmbeddingTranslator("us.cohere.embed-v4:0");

		assertThat(v4.toInvokeBodies(object("{\"input\":\"only document\",\"dimensions\":512}"))).containsExactly(object("""
				{"texts":["only document"],"input_type":"search_document","output_dimension":512}"""));
		assertThat(v4.toOpenAiEmbeddings(List.of(resource("bedrock/cohere-embed-v4-response.json")), "embed-v4")
			.at("/data/0/embedding")).isEqualTo(object("{\"v\":[0.5,0.25]}").get("v"));
	}

	@Test
	void cohereV3HasNoDimensions() {
		assertThatThrownBy(() -> this.cohere.toInvokeBodies(object("{\"input\":\"x\",\"dimensions\":256}")))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.status().value()).isEqualTo(400));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"input\":[[1,2,3]]}", "{\"input\":[]}", "{\"input\":\"x\",\"encoding_format\":\"int8\"}",
			"{\"input\":\"x\",\"dimensions\":\"big\"}" })
	void requestsBedrockCannotServeAreRefused(String request) {
		assertThatThrownBy(() -> this.titan.toInvokeBodies(object(request)))
			.isInstanceOfSatisfying(GatewayException.class, ex -> assertThat(ex.status().value()).isEqualTo(400));
	}

	@Test
	void theFamilyIsReadFromAnArnToo() {
		BedrockEmbeddingTranslator fromArn = new BedrockEmbeddingTranslator(
				"arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0");

		assertThat(fromArn.toInvokeBodies(object("{\"input\":\"x\"}"))).containsExactly(object("""
				{"inputText":"x","normalize":true}"""));
	}

	@Test
	void aModelThatIsNotAKnownEmbeddingModelIsRefused() {
		assertThatThrownBy(() -> new BedrockEmbeddingTranslator("anthropic.claude-3-haiku-20240307-v1:0"))
			.isInstanceOfSatisfying(GatewayException.class, ex -> {
				assertThat(ex.status().value()).isEqualTo(400);
				assertThat(ex.getMessage()).contains("anthropic.claude-3-haiku-20240307-v1:0");
			});
	}

	@Test
	void theInvokePathEncodesTheModelId() {
		assertThat(BedrockEmbeddingTranslator.invokePath("amazon.titan-embed-text-v2:0"))
			.isEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke");
	}

}
