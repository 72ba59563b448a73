package dev.meridian.bench.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.meridian.bench.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JsonTemplateTest {

    @Test
    void replacesEachPlaceholderWithItsJsonValue() {
        ObjectNode document = Json.MAPPER.createObjectNode()
                .put("id", Placeholder.ID.token())
                .put("created", Placeholder.CREATED.token())
                .put("model", Placeholder.MODEL.token())
                .put("again", Placeholder.MODEL.token());
        JsonTemplate template = JsonTemplate.compile(Json.MAPPER.writeValueAsBytes(document));

        MockRequest request = new MockRequest("gpt \"quoted\" é", false, false);
        JsonNode rendered = Json.MAPPER.readTree(template.render(TemplateValues.of(request, "chatcmpl-")));

        assertEquals("gpt \"quoted\" é", rendered.get("model").stringValue());
        assertEquals("gpt \"quoted\" é", rendered.get("again").stringValue());
        assertEquals(true, rendered.get("created").isNumber());
        assertEquals(true, rendered.get("id").stringValue().startsWith("chatcmpl-"));
    }

    @Test
    void aDocumentWithoutPlaceholdersIsReturnedAsIs() {
        byte[] plain = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

        byte[] rendered = JsonTemplate.compile(plain).render(TemplateValues.of(new MockRequest("m", false, false), "x"));

        assertEquals("{\"type\":\"ping\"}", new String(rendered, StandardCharsets.UTF_8));
    }
}
