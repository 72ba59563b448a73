package dev.meridian.db.ledger;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ledger rows that could not reach PostgreSQL in time, in append-only JSON-lines files under
 * {@code <data-dir>/ledger-spill/}, each write forced to disk before it returns. Files are replayed
 * oldest first and deleted once every row in them is in the database; rows the database refuses
 * outright go to {@code rejected-*.jsonl} beside them, for an operator to look at, and are never
 * replayed.
 */
final class LedgerSpill {

	private static final Logger log = LoggerFactory.getLogger(LedgerSpill.class);

	static final String DIRECTORY = "ledger-spill";

	private static final String PENDING = "ledger-";

	private static final String REJECTED = "rejected-";

	private static final String SUFFIX = ".jsonl";

	/** A long outage is split over several files, so that a replay cut short redoes little. */
	private static final int ROWS_PER_FILE = 100_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path directory;

	private final LedgerMetrics metrics;

	private @Nullable FileChannel active;

	private int activeRows;

	private long sequence;

	private volatile boolean unsealed;

	LedgerSpill(Path dataDir, LedgerMetrics metrics) {
		this.directory = dataDir.toAbsolutePath().normalize().resolve(DIRECTORY);
		this.metrics = metrics;
		this.unsealed = Files.isDirectory(directory);
	}

	Path directory() {
		return directory;
	}

	/** Appends the rows and forces them to disk; when the disk fails too, they are counted as dropped. */
	synchronized void keep(List<LedgerEntry> rows) {
		try {
			if (active == null || activeRows >= ROWS_PER_FILE) {
				closeActive();
				active = create(PENDING);
				activeRows = 0;
			}
			append(active, rows);
			activeRows += rows.size();
			unsealed = true;
			metrics.spilled(rows.size());
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly();
			metrics.dropped(rows.size());
			log.error("Spend ledger: {} rows could neither be written to PostgreSQL nor to {}; they are lost",
					rows.size(), directory, ex);
		}
	}

	/** Keeps a row the database refused, out of the replay. */
	synchronized void reject(LedgerEntry row) {
		try (FileChannel file = create(REJECTED)) {
			append(file, List.of(row));
		}
		catch (IOException | RuntimeException ex) {
			metrics.dropped(1);
			log.error("Spend ledger: could not keep refused row {} in {}; it is lost", row.requestId(), directory, ex);
		}
	}

	/** Whether rows may have been written since the last {@link #seal()}. */
	boolean hasUnsealed() {
		return unsealed;
	}

	/** Closes the file being appended to and lists every file to replay, oldest first. */
	synchronized List<Path> seal() throws IOException {
		closeActive();
		unsealed = false;
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> {
				String name = file.getFileName().toString();
				return name.startsWith(PENDING) && name.endsWith(SUFFIX);
			}).sorted().toList();
		}
	}

	synchronized void close() throws IOException {
		closeActive();
	}

	private void closeActive() throws IOException {
		if (active != null) {
			FileChannel closing = active;
			active = null;
			closing.close();
		}
	}

	/** After a failed write the file may end in a partial line; the next rows go to a new file. */
	private void closeQuietly() {
		try {
			closeActive();
		}
		catch (IOException ex) {
			log.debug("Closing the failed spill file: {}", ex.toString());
		}
	}

	/** Named by creation time, so that sorting by name replays the oldest rows first. */
	private FileChannel create(String prefix) throws IOException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			forceDirectory(directory.getParent());
		}
		Path file = directory.resolve("%s%013d-%06d%s".formatted(prefix, System.currentTimeMillis(), sequence++, SUFFIX));
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND);
		forceDirectory(directory);
		return channel;
	}

	private static void append(FileChannel file, List<LedgerEntry> rows) throws IOException {
		ByteArrayOutputStream lines = new ByteArrayOutputStream(rows.size() * 400);
		for (LedgerEntry row : rows) {
			lines.writeBytes(JSON.writeValueAsBytes(row));
			lines.write('\n');
		}
		ByteBuffer buffer = ByteBuffer.wrap(lines.toByteArray());
		while (buffer.hasRemaining()) {
			file.write(buffer);
		}
		file.force(false);
	}

	/** A new file's name is only durable once its directory is. */
	private static void forceDirectory(@Nullable Path dir) throws IOException {
		if (dir == null) {
			return;
		}
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some file systems cannot open a directory for reading; the data itself is forced anyway.
			log.debug("Could not force directory {}: {}", dir, ex.toString());
		}
	}

	static Reader read(Path file) throws IOException {
		return new Reader(file, Files.newBufferedReader(file, StandardCharsets.UTF_8));
	}

	static void delete(Path file) throws IOException {
		Files.deleteIfExists(file);
	}

	/** Reads a spill file in batches; a line cut short by a crash is skipped and logged. */
	static final class Reader implements Closeable {

		private final Path file;

		private final BufferedReader lines;

		private long lineNumber;

		private Reader(Path file, BufferedReader lines) {
			this.file = file;
			this.lines = lines;
		}

		Path file() {
			return file;
		}

		/** Up to {@code max} rows; empty at the end of the file. */
		List<LedgerEntry> next(int max) {
			List<LedgerEntry> rows = new ArrayList<>(max);
			try {
				String line;
				while (rows.size() < max && (line = lines.readLine()) != null) {
					lineNumber++;
					if (line.isBlank()) {
						continue;
					}
					try {
						rows.add(JSON.readValue(line, LedgerEntry.class));
					}
					catch (JacksonException ex) {
						log.warn("Skipping unreadable line {} of {}: {}", lineNumber, file, ex.getOriginalMessage());
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return rows;
		}

		@Override
		public void close() throws IOException {
			lines.close();
		}

	}

}
