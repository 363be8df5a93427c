package org.bangfu.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.DocumentView;
import org.bangfu.cases.internal.ChecklistPolicy.DocRef;
import org.bangfu.platform.files.FileStore.StoredFile;
import org.bangfu.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for case documents (metadata; the bytes are in the FileStore under storage_key). */
@Repository
public class DocumentStore {

	private static final String SELECT = """
			SELECT id, case_id, kind, member_id, title, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by
			FROM cases_document
			""";

	private final JdbcClient jdbc;

	DocumentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long caseId, DocumentKind kind, Long memberId, String title, String fileName, String contentType,
			StoredFile file, Actor actor, Instant now) {
		return jdbc.sql("""
				INSERT INTO cases_document (case_id, kind, member_id, title, file_name, content_type, size_bytes, sha256,
				    storage_key, uploaded_by_id, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(caseId, kind.name(), memberId, StepStore.blankToNull(title), fileName, contentType, file.size(),
					file.sha256(), file.key(), actor.userId(), actor.login(), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	public List<DocumentView> active(long caseId) {
		return jdbc.sql(SELECT + " WHERE case_id = ? AND removed_at IS NULL ORDER BY kind, id")
			.param(caseId)
			.query((rs, n) -> map(rs))
			.list();
	}

	public Optional<DocumentView> find(long caseId, long id) {
		return jdbc.sql(SELECT + " WHERE case_id = ? AND id = ? AND removed_at IS NULL")
			.params(caseId, id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	public String storageKey(long id) {
		return jdbc.sql("SELECT storage_key FROM cases_document WHERE id = ?").param(id).query(String.class).single();
	}

	public void remove(long id, String login, Instant now) {
		jdbc.sql("UPDATE cases_document SET removed_at = ?, removed_by = ? WHERE id = ? AND removed_at IS NULL")
			.params(Timestamp.from(now), login, id)
			.update();
	}

	public List<DocRef> refs(long caseId) {
		return active(caseId).stream().map(d -> new DocRef(d.kind(), d.memberId())).toList();
	}

	private static DocumentView map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new DocumentView(rs.getLong("id"), rs.getLong("case_id"), DocumentKind.valueOf(rs.getString("kind")),
				(Long) rs.getObject("member_id"), rs.getString("title"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
	}

}
