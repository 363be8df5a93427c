package org.bangfu.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.internal.CaseArchive;
import org.bangfu.cases.internal.CaseStore;
import org.bangfu.cases.internal.ContentTypePolicy;
import org.bangfu.cases.internal.DocumentStore;
import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.files.FileStore.StoredFile;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Case documents (M4): uploads checked by content (PDF, JPEG, PNG, Office) and size, kept in the
 * FileStore with their SHA-256; every upload, download, removal and archive is audited.
 */
@Service
public class CaseDocuments {

	/** A document and its content, to be streamed to the user and closed. */
	public record Download(DocumentView document, InputStream content) {
	}

	private final CaseStore cases;

	private final DocumentStore documents;

	private final FileStore files;

	private final HouseholdRegistry registry;

	private final CaseArchive archive;

	private final AuditLog audit;

	private final BusinessClock clock;

	private final long maxBytes;

	/** The longest description of a document (the column's size). */
	static final int MAX_TITLE = 200;

	CaseDocuments(CaseStore cases, DocumentStore documents, FileStore files, HouseholdRegistry registry,
			CaseArchive archive, AuditLog audit, BusinessClock clock,
			@Value("${bangfu.cases.max-document-size:20MB}") DataSize maxSize) {
		this.cases = cases;
		this.documents = documents;
		this.files = files;
		this.registry = registry;
		this.archive = archive;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxSize.toBytes();
	}

	public long maxBytes() {
		return maxBytes;
	}

	@Transactional
	public DocumentView upload(Actor actor, long caseId, DocumentKind kind, Long memberId, String title,
			String fileName, InputStream content) {
		Cases.requireWorker(actor);
		CaseView c = cases.lock(actor.scope(), caseId, null, clock.today());
		if (!c.status().open()) {
			throw new BangfuException(Problem.CONFLICT, "cases.case.decided", c.caseNo());
		}
		if (kind == null) {
			throw BangfuException.badField("kind", "cases.document.kind.required");
		}
		HouseholdView h = registry.find(actor.scope(), c.householdId())
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", c.householdId()));
		if (kind == DocumentKind.IDENTITY && memberId == null) {
			throw BangfuException.badField("memberId", "cases.document.member.required");
		}
		if (memberId != null && h.member(memberId).isEmpty()) {
			throw BangfuException.badField("memberId", "cases.document.member.unknown");
		}
		if (title != null && title.length() > MAX_TITLE) {
			throw BangfuException.badField("title", "cases.document.title.tooLong", MAX_TITLE);
		}
		String name = ContentTypePolicy.safeName(fileName);
		StoredFile stored;
		try {
			stored = files.store("case-documents", content, maxBytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Optional<String> type = detect(stored, name);
		if (stored.size() == 0 || type.isEmpty()) {
			delete(stored.key());
			throw BangfuException.badField("file", "cases.document.type", name);
		}
		Instant now = clock.now();
		long id = documents.insert(caseId, kind, memberId, title, name, type.get(), stored, actor, now);
		cases.touch(caseId, now);
		audit.record("case.document.upload", "case", caseId, Map.of("caseNo", c.caseNo(), "document", id, "kind",
				kind.name(), "fileName", name, "sha256", stored.sha256(), "size", stored.size()));
		return documents.find(caseId, id).orElseThrow();
	}

	@Transactional
	public List<DocumentView> list(Actor actor, long caseId) {
		CaseView c = require(actor, caseId);
		List<DocumentView> list = documents.active(caseId);
		audit.record("case.view", "case", caseId, Map.of("caseNo", c.caseNo(), "documents", list.size()));
		return list;
	}

	/** Opens a document for download; audited as a view of personal data. */
	@Transactional
	public Download download(Actor actor, long caseId, long documentId) {
		CaseView c = require(actor, caseId);
		DocumentView d = documents.find(caseId, documentId)
			.orElseThrow(() -> BangfuException.notFound("cases.document.notFound", documentId));
		audit.record("case.document.download", "case", caseId,
				Map.of("caseNo", c.caseNo(), "document", documentId, "fileName", d.fileName()));
		try {
			return new Download(d, files.open(documents.storageKey(documentId)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes a document while the case is with the applicant's side (draft or returned); the file stays for the audit trail. */
	@Transactional
	public void remove(Actor actor, long caseId, long documentId) {
		Cases.requireWorker(actor);
		CaseView c = cases.lock(actor.scope(), caseId, null, clock.today());
		if (!c.status().editable()) {
			throw new BangfuException(Problem.CONFLICT, "cases.case.notEditable", c.caseNo());
		}
		DocumentView d = documents.find(caseId, documentId)
			.orElseThrow(() -> BangfuException.notFound("cases.document.notFound", documentId));
		Instant now = clock.now();
		documents.remove(documentId, actor.login(), now);
		cases.touch(caseId, now);
		audit.record("case.document.remove", "case", caseId,
				Map.of("caseNo", c.caseNo(), "document", documentId, "fileName", d.fileName()));
	}

	/** Writes the complete case file as a ZIP (documents, generated forms, timeline, checksums); audited. */
	@Transactional
	public void archive(Actor actor, long caseId, Locale locale, OutputStream out) {
		CaseView c = require(actor, caseId);
		audit.record("case.archive", "case", caseId, Map.of("caseNo", c.caseNo()));
		try {
			archive.write(actor, c, locale, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every generated form of the case in one PDF (the archive items without the uploaded files); audited. */
	@Transactional
	public byte[] archivePdf(Actor actor, long caseId, Locale locale) {
		CaseView c = require(actor, caseId);
		audit.record("case.archive", "case", caseId, Map.of("caseNo", c.caseNo(), "format", "pdf"));
		return archive.bundle(actor, c, locale);
	}

	private CaseView require(Actor actor, long caseId) {
		return cases.find(actor.scope(), caseId, clock.today())
			.orElseThrow(() -> BangfuException.notFound("cases.case.notFound", caseId));
	}

	private Optional<String> detect(StoredFile stored, String name) {
		try (InputStream in = files.open(stored.key())) {
			byte[] head = in.readNBytes(16);
			return ContentTypePolicy.detect(head, files.path(stored.key()), name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void delete(String key) {
		try {
			files.delete(key);
		}
		catch (IOException ex) {
			// the file is unreferenced either way
		}
	}

}
