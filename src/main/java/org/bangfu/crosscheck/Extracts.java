package org.bangfu.crosscheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.crosscheck.internal.ExtractReader;
import org.bangfu.crosscheck.internal.ExtractStore;
import org.bangfu.crosscheck.internal.RetentionPolicy;
import org.bangfu.platform.files.FileStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Extracts of other registries: imported in their documented layout (hashed as read), matched at
 * once against the register of the importing organisation's subtree, and purged when their
 * retention period ends. Importing is all or nothing: a refused file leaves no extract, no row
 * and no finding behind.
 */
@Service
public class Extracts {

	static final String UPLOAD_AREA = "crosscheck-uploads";

	private final ExtractStore store;

	private final ExtractReader reader;

	private final FileStore files;

	private final AuditLog audit;

	private final BusinessClock clock;

	private final long maxFileSize;

	Extracts(ExtractStore store, ExtractReader reader, FileStore files, AuditLog audit, BusinessClock clock,
			@Value("${bangfu.crosscheck.max-file-size:2GB}") DataSize maxFileSize) {
		this.store = store;
		this.reader = reader;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
		this.maxFileSize = maxFileSize.toBytes();
	}

	/** What an import asks for: the registry, who delivered it, as of when, how many days it is kept. */
	public record NewExtract(ExtractKind kind, String source, LocalDate asOf, Integer retentionDays) {
	}

	/** Imports an uploaded extract and matches it; the upload itself is deleted afterwards. */
	@Transactional
	public ExtractView importUpload(Actor actor, NewExtract cmd, String fileName, InputStream in) throws IOException {
		check(cmd);
		FileStore.StoredFile upload = files.store(UPLOAD_AREA, in, maxFileSize);
		try {
			return importFile(actor, cmd, files.path(upload.key()), fileName);
		}
		finally {
			files.delete(upload.key());
		}
	}

	/** Imports an extract file on this machine (the command line and the benchmark) and matches it. */
	@Transactional
	public ExtractView importFile(Actor actor, NewExtract cmd, Path file, String fileName) throws IOException {
		check(cmd);
		String name = fileName == null || fileName.isBlank() ? "extract" : Path.of(fileName).getFileName().toString();
		name = name.length() > 200 ? name.substring(name.length() - 200) : name;
		String source = cmd.source().strip();
		LocalDate retainUntil = RetentionPolicy.retainUntil(clock.today(), cmd.retentionDays());
		long id = store.insert(actor.organisationId(), cmd.kind(), source, cmd.asOf(), retainUntil, name, actor.login());
		ExtractReader.Read read = reader.read(id, cmd.kind(), file, name, maxFileSize);
		int findings = store.match(id, cmd.kind(), actor.scope());
		store.counts(id, read.rows(), read.bad(), findings, read.badLines());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("kind", cmd.kind().name());
		detail.put("source", source);
		detail.put("asOf", cmd.asOf().toString());
		detail.put("retainUntil", retainUntil.toString());
		detail.put("rows", read.rows());
		detail.put("badRows", read.bad());
		detail.put("findings", findings);
		audit.record("crosscheck.extract.import", "crosscheckExtract", id, detail);
		ExtractView v = store.find(actor.scope(), id).orElseThrow();
		return new ExtractView(v.id(), v.organisationId(), v.kind(), v.source(), v.asOf(), v.retainUntil(), v.fileName(),
				v.rows(), v.badRows(), v.findings(), v.status(), v.importedAt(), v.importedBy(), read.badLines());
	}

	public List<ExtractView> list(Scope scope) {
		return store.list(scope, 200);
	}

	public ExtractView extract(Scope scope, long id) {
		return store.find(scope, id).orElseThrow(() -> BangfuException.notFound("crosscheck.extract.notFound", id));
	}

	/** Purges every extract whose retention period ended before today; returns how many. Audited per extract. */
	@Transactional
	public int purgeExpired() {
		List<ExtractView> expired = store.expired(clock.today());
		for (ExtractView e : expired) {
			int rows = store.purge(e.id());
			audit.record("crosscheck.extract.purge", "crosscheckExtract", e.id(),
					Map.of("kind", e.kind().name(), "retainUntil", e.retainUntil().toString(), "rows", rows));
		}
		return expired.size();
	}

	private static void check(NewExtract cmd) {
		if (cmd.kind() == null) {
			throw BangfuException.badField("kind", "crosscheck.extract.kind");
		}
		if (cmd.source() == null || cmd.source().isBlank() || cmd.source().strip().length() > 100) {
			throw BangfuException.badField("source", "crosscheck.extract.source");
		}
		if (cmd.asOf() == null) {
			throw BangfuException.badField("asOf", "crosscheck.extract.asOf");
		}
		if (cmd.retentionDays() == null || !RetentionPolicy.allowed(cmd.retentionDays())) {
			throw BangfuException.badField("retentionDays", "crosscheck.extract.retention", RetentionPolicy.MAX_DAYS);
		}
	}

}
