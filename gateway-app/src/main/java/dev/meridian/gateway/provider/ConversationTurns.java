package dev.meridian.gateway.provider;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The user and assistant turns of a conversation, for APIs that reject two turns of one role in a
 * row (Anthropic, Bedrock Converse), where OpenAI accepts them: blocks for the role of the last turn
 * join that turn.
 */
public final class ConversationTurns implements Iterable<ConversationTurns.Turn> {

	/** One turn: its role and its content blocks, in order. */
	public record Turn(String role, List<ObjectNode> blocks) {
	}

	private final List<Turn> turns = new ArrayList<>();

	/** Adds the blocks to a turn of that role; no blocks make no turn. */
	public void add(String role, List<ObjectNode> blocks) {
		if (blocks.isEmpty()) {
			return;
		}
		if (!this.turns.isEmpty() && this.turns.getLast().role().equals(role)) {
			this.turns.getLast().blocks().addAll(blocks);
		}
		else {
			this.turns.add(new Turn(role, new ArrayList<>(blocks)));
		}
	}

	public boolean isEmpty() {
		return this.turns.isEmpty();
	}

	/** The role of the turn the conversation opens with. */
	public String firstRole() {
		return this.turns.getFirst().role();
	}

	@Override
	public Iterator<Turn> iterator() {
		return Collections.unmodifiableList(this.turns).iterator();
	}

}
