package dev.meridian.bench.mock;

import dev.meridian.bench.Json;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** The per-request values of the placeholders, each already a JSON literal (quoted and escaped). */
final class TemplateValues {

    private final Map<Placeholder, byte[]> json = new EnumMap<>(Placeholder.class);

    private TemplateValues(String id, String itemId, String model) {
        json.put(Placeholder.ID, quoted(id));
        json.put(Placeholder.ITEM_ID, quoted(itemId));
        json.put(Placeholder.CREATED,
                Long.toString(System.currentTimeMillis() / 1000).getBytes(StandardCharsets.US_ASCII));
        json.put(Placeholder.MODEL, quoted(model));
    }

    static TemplateValues of(MockRequest request, String idPrefix) {
        return new TemplateValues(Ids.next(idPrefix), "", request.model());
    }

    static TemplateValues withItem(MockRequest request, String idPrefix, String itemIdPrefix) {
        return new TemplateValues(Ids.next(idPrefix), Ids.next(itemIdPrefix), request.model());
    }

    byte[] json(Placeholder placeholder) {
        return json.get(placeholder);
    }

    private static byte[] quoted(String value) {
        return Json.MAPPER.writeValueAsBytes(value);
    }
}
