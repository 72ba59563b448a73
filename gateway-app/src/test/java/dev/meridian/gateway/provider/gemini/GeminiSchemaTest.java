package dev.meridian.gateway.provider.gemini;

import dev.meridian.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;

import static dev.meridian.gateway.testsupport.Fixtures.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeminiSchemaTest {

	@Test
	void referencesAreInlinedAndKeywordsGeminiRejectsAreDropped() {
		var schema = GeminiSchema.toGemini(object("""
				{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
				 "$defs": {"Address": {"type": "object", "properties": {"city": {"type": "string"}},
									   "required": ["city"], "additionalProperties": false}},
				 "properties": {"home": {"$ref": "#/$defs/Address", "description": "Where they live"},
								"tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}},
				 "additionalProperties": false}
				"""));

		assertThat(schema).isEqualTo(object("""
				{"type": "OBJECT", "properties": {
				  "home": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}}, "required": ["city"],
						   "description": "Where they live"},
				  "tags": {"type": "ARRAY", "items": {"type": "STRING"}}}}
				"""));
	}

	@Test
	void nullTypesBecomeNullable() {
		var schema = GeminiSchema.toGemini(object("""
				{"type": "object", "properties": {
				  "nickname": {"type": ["string", "null"]},
				  "age": {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}]},
				  "id": {"type": ["string", "integer"]},
				  "size": {"enum": ["S", "M", null]},
				  "kind": {"const": "person"}}}
				"""));

		assertThat(schema.get("properties")).isEqualTo(object("""
				{"nickname": {"nullable": true, "type": "STRING"},
				 "age": {"nullable": true, "type": "INTEGER", "minimum": 0},
				 "id": {"anyOf": [{"type": "STRING"}, {"type": "INTEGER"}]},
				 "size": {"enum": ["S", "M"], "nullable": true},
				 "kind": {"enum": ["person"]}}
				"""));
	}

	@Test
	void recursiveReferencesStopAtAnOpenObject() {
		var schema = GeminiSchema.toGemini(object("""
				{"type": "object", "properties": {"root": {"$ref": "#/definitions/Node"}},
				 "definitions": {"Node": {"type": "object", "properties": {
				   "name": {"type": "string"}, "child": {"$ref": "#/definitions/Node"}}}}}
				"""));

		assertThat(schema.at("/properties/root/properties/child")).isEqualTo(object("""
				{"type": "OBJECT"}
				"""));
		assertThat(schema.at("/properties/root/properties/name/type").asString()).isEqualTo("STRING");
	}

	@Test
	void undefinedReferencesAreABadRequest() {
		assertThatThrownBy(() -> GeminiSchema.toGemini(object("""
				{"type": "object", "properties": {"a": {"$ref": "#/$defs/Missing"}}}
				""")))
				.isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status().value()).isEqualTo(400))
				.hasMessageContaining("#/$defs/Missing");
	}
}
