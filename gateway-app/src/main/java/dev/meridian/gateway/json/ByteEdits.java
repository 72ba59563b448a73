package dev.meridian.gateway.json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of byte ranges in a JSON document, applied in one copy. This is how the gateway
 * changes a field (the model name) without re-serialising the body it forwards.
 */
public final class ByteEdits {

	private record Edit(int start, int end, byte[] replacement) {
	}

	private final List<Edit> edits = new ArrayList<>(2);

	/** Replaces {@code [start, end)}; an insertion is a replacement of an empty range. */
	public ByteEdits replace(int start, int end, byte[] replacement) {
		edits.add(new Edit(start, end, replacement));
		return this;
	}

	public boolean isEmpty() {
		return edits.isEmpty();
	}

	public byte[] applyTo(byte[] source, int offset, int length) {
		if (edits.isEmpty() && offset == 0 && length == source.length) {
			return source;
		}
		edits.sort(Comparator.comparingInt(Edit::start));
		int size = length;
		for (Edit edit : edits) {
			size += edit.replacement.length - (edit.end - edit.start);
		}
		byte[] result = new byte[size];
		int from = 0;
		int to = 0;
		for (Edit edit : edits) {
			int keep = edit.start - from;
			System.arraycopy(source, offset + from, result, to, keep);
			to += keep;
			System.arraycopy(edit.replacement, 0, result, to, edit.replacement.length);
			to += edit.replacement.length;
			from = edit.end;
		}
		System.arraycopy(source, offset + from, result, to, length - from);
		return result;
	}

}
