package org.bangfu.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.platform.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Checkpoints of the audit chain outside the database: every {@code bangfu.audit.checkpoint-interval}
 * (default 5 min) each instance appends the head it sees (position and hash), sealed with the
 * {@link AuditKey}, to {@code bangfu.audit.checkpoint-file} (default {@code data/audit-checkpoints.log},
 * readable by its owner only, only ever appended to). Verification requires every checkpoint of
 * this chain to be found in it: records cut off the end or rewritten before a checkpoint are
 * found even by someone who controls the whole database. Each line is also a printable digest
 * ({@code audit checkpoint}) to keep on paper or elsewhere.
 */
@Service
public class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private static final Pattern LINE = Pattern
		.compile("^(\\S+) chain=(\\S+) seq=(\\d+) hash=([0-9a-f]{64}) mac=([0-9a-f]{64})$");

	private final JdbcClient jdbc;

	private final AuditKey key;

	private final AuditChainer chainer;

	private final Path file;

	AuditCheckpoints(JdbcClient jdbc, AuditKey key, AuditChainer chainer,
			@Value("${bangfu.audit.checkpoint-file:data/audit-checkpoints.log}") String file) {
		this.jdbc = jdbc;
		this.key = key;
		this.chainer = chainer;
		this.file = Path.of(file);
	}

	@Scheduled(fixedDelayString = "${bangfu.audit.checkpoint-interval:5m}",
			initialDelayString = "${bangfu.audit.checkpoint-interval:5m}")
	void scheduled() {
		try {
			write();
		}
		catch (RuntimeException ex) {
			log.warn("Cannot write an audit checkpoint; will retry", ex);
		}
	}

	/** Links what is committed, appends a checkpoint of the head to the file and returns its line. */
	public synchronized String write() {
		chainer.chainAll();
		String line = jdbc.sql("SELECT chain_id::text, last_id, last_hash FROM audit_chain_head")
			.query((rs, n) -> line(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.single();
		try {
			boolean created = !Files.exists(file);
			if (created && file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND, StandardOpenOption.WRITE);
			if (created) {
				MasterKey.ownerOnly(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return line;
	}

	/** Where the checkpoints are kept. */
	public String file() {
		return file.toAbsolutePath().toString();
	}

	private String line(String chainId, long seq, String hash) {
		String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		return at + " chain=" + chainId + " seq=" + seq + " hash=" + hash + " mac="
				+ AuditChain.checkpointMac(key, chainId, seq, hash, at);
	}

	/**
	 * The checkpoints of the chain {@code chainId} in the file (others' lines are skipped: a file may
	 * be shared by several installations' tests); a line that names the chain but is not sealed
	 * right comes back invalid.
	 */
	List<AuditChain.Checkpoint> read(String chainId) {
		List<AuditChain.Checkpoint> out = new ArrayList<>();
		if (!Files.exists(file)) {
			return out;
		}
		try {
			for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!raw.contains("chain=" + chainId)) {
					continue;
				}
				Matcher m = LINE.matcher(raw.trim());
				if (!m.matches()) {
					out.add(new AuditChain.Checkpoint(0, null, false));
					continue;
				}
				long seq = Long.parseLong(m.group(3));
				boolean valid = m.group(2).equals(chainId) && AuditKey.same(
						AuditChain.checkpointMac(key, chainId, seq, m.group(4), m.group(1)), m.group(5));
				out.add(new AuditChain.Checkpoint(seq, m.group(4), valid));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

}
