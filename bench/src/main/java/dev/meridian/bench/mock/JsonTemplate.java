package dev.meridian.bench.mock;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes rendered once with {@link Placeholder} tokens and filled in per request by plain copies,
 * so answering costs no JSON serialization: the mock must stay far cheaper than what it measures.
 */
final class JsonTemplate {

    private final List<byte[]> literals;
    private final List<Placeholder> slots;

    private JsonTemplate(List<byte[]> literals, List<Placeholder> slots) {
        this.literals = literals;
        this.slots = slots;
    }

    /** Splits {@code rendered} at every quoted placeholder token, e.g. {@code "@@MODEL@@"}. */
    static JsonTemplate compile(byte[] rendered) {
        String text = new String(rendered, StandardCharsets.UTF_8);
        List<byte[]> literals = new ArrayList<>();
        List<Placeholder> slots = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) {
            Placeholder found = placeholderAt(text, at);
            if (found != null) {
                literals.add(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
                slots.add(found);
                from = at + found.token().length() + 2;
                at = from - 1;
            }
        }
        literals.add(text.substring(from).getBytes(StandardCharsets.UTF_8));
        return new JsonTemplate(List.copyOf(literals), List.copyOf(slots));
    }

    static List<JsonTemplate> compileAll(List<byte[]> rendered) {
        return rendered.stream().map(JsonTemplate::compile).toList();
    }

    static List<byte[]> renderAll(List<JsonTemplate> templates, TemplateValues values) {
        List<byte[]> rendered = new ArrayList<>(templates.size());
        for (JsonTemplate template : templates) {
            rendered.add(template.render(values));
        }
        return rendered;
    }

    byte[] render(TemplateValues values) {
        if (slots.isEmpty()) {
            return literals.getFirst();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimatedSize());
        for (int i = 0; i < slots.size(); i++) {
            out.writeBytes(literals.get(i));
            out.writeBytes(values.json(slots.get(i)));
        }
        out.writeBytes(literals.getLast());
        return out.toByteArray();
    }

    private int estimatedSize() {
        int size = 32 * slots.size();
        for (byte[] literal : literals) {
            size += literal.length;
        }
        return size;
    }

    private static Placeholder placeholderAt(String text, int quote) {
        for (Placeholder placeholder : Placeholder.values()) {
            String token = placeholder.token();
            int end = quote + 1 + token.length();
            if (text.startsWith(token, quote + 1) && end < text.length() && text.charAt(end) == '"') {
                return placeholder;
            }
        }
        return null;
    }
}
