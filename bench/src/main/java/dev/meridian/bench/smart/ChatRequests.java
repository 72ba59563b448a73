package dev.meridian.bench.smart;

/**
 * Realistic chat completion requests of a given size: a system prompt, an earlier exchange, and a
 * last user message that asks a question about pasted prose and code, grown to the size asked for.
 */
final class ChatRequests {

	private static final String PROSE = "Our checkout service started timing out after the last deploy. The pool of"
			+ " database connections is exhausted during the morning peak, and the fraud check now runs inside the"
			+ " order transaction. ";

	private static final String CODE = "    public Order place(Cart cart) {\\n        try (var tx = db.begin()) {\\n"
			+ "            var order = orders.insert(cart);\\n            fraud.check(order);\\n"
			+ "            tx.commit();\\n            return order;\\n        }\\n    }\\n";

	private ChatRequests() {
	}

	/** A request body of about {@code bytes} bytes (never less than the fixed parts, about 700 bytes). */
	static String ofSize(int bytes) {
		String head = """
				{"model":"auto","stream":true,"messages":[\
				{"role":"system","content":"You are a senior backend engineer who answers precisely and briefly."},\
				{"role":"user","content":"Can you help me with a production issue?"},\
				{"role":"assistant","content":"Of course. What are you seeing, and what changed recently?"},\
				{"role":"user","content":"Why does this time out, and how should I fix it? Explain the trade-offs.\\n\\n""";
		String tail = "\"}],\"temperature\":0.2}";
		StringBuilder material = new StringBuilder();
		boolean code = false;
		while (head.length() + material.length() + tail.length() < bytes) {
			if (code) {
				material.append("```java\\n").append(CODE).append("```\\n");
			}
			else {
				material.append(PROSE).append("\\n");
			}
			code = !code;
		}
		int room = Math.max(0, bytes - head.length() - tail.length());
		String text = material.substring(0, Math.min(room, material.length()));
		if (text.endsWith("\\")) {
			text = text.substring(0, text.length() - 1);
		}
		return head + text + tail;
	}

}
