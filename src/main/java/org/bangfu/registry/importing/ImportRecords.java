package org.bangfu.registry.importing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bangfu.registry.ImportIssue;
import org.bangfu.registry.ImportView;
import org.bangfu.registry.OnExisting;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code registry_import} rows: one per uploaded file, its progress, counts and first problems. */
@Repository
public class ImportRecords {

	private static final String SELECT = """
			SELECT i.*, o.name AS organisation_name FROM registry_import i
			JOIN organisation o ON o.id = i.organisation_id
			""";

	private final JdbcClient jdbc;

	ImportRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts as they stand after a chunk. */
	record Counts(long rowsRead, long rowsAccepted, long rowsRejected, long rowsSkipped, long filed, long updated,
			long unchanged, long skipped, long rejected, long warnings) {
	}

	/** A new import waiting to run. */
	public record New(long organisationId, String fileName, String storedFile, long fileSize, OnExisting existing,
			String language, Long createdBy, String createdLogin) {
	}

	public long create(New n) {
		return jdbc.sql("""
				INSERT INTO registry_import (organisation_id, file_name, stored_file, file_size, existing, language,
				    created_by, created_login)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(n.organisationId(), n.fileName(), n.storedFile(), n.fileSize(), n.existing().name(), n.language(),
					n.createdBy(), n.createdLogin())
			.query(Long.class)
			.single();
	}

	public void setJob(long id, long jobId) {
		jdbc.sql("UPDATE registry_import SET job_id = ? WHERE id = ?").params(jobId, id).update();
	}

	/** Starts (or starts again after a crash): counts and problems of an earlier attempt are dropped. */
	void start(long id, Instant at) {
		jdbc.sql("DELETE FROM registry_import_issue WHERE import_id = ?").param(id).update();
		jdbc.sql("""
				UPDATE registry_import SET status = 'RUNNING', started_at = ?, finished_at = NULL, rows_total = NULL,
				    rows_read = 0, rows_accepted = 0, rows_rejected = 0, rows_skipped = 0, households_filed = 0,
				    households_updated = 0, households_unchanged = 0, households_skipped = 0, households_rejected = 0,
				    warnings = 0, report_file = NULL, error_key = NULL, error_args = NULL
				WHERE id = ?""").params(Timestamp.from(at), id).update();
	}

	void total(long id, long rows) {
		jdbc.sql("UPDATE registry_import SET rows_total = ? WHERE id = ?").params(rows, id).update();
	}

	void progress(long id, Counts c) {
		jdbc.sql("""
				UPDATE registry_import SET rows_read = ?, rows_accepted = ?, rows_rejected = ?, rows_skipped = ?,
				    households_filed = ?, households_updated = ?, households_unchanged = ?, households_skipped = ?,
				    households_rejected = ?, warnings = ?
				WHERE id = ?""")
			.params(c.rowsRead(), c.rowsAccepted(), c.rowsRejected(), c.rowsSkipped(), c.filed(), c.updated(),
					c.unchanged(), c.skipped(), c.rejected(), c.warnings(), id)
			.update();
	}

	/** Stores problems (already numbered) in one statement. */
	void issues(long id, List<Numbered> issues) {
		if (issues.isEmpty()) {
			return;
		}
		Columns v = new Columns(issues.size());
		for (int i = 0; i < issues.size(); i++) {
			Numbered n = issues.get(i);
			ImportIssue issue = n.issue();
			v.set("seq", i, n.seq());
			v.set("kind", i, issue.kind().name());
			v.set("row_no", i, issue.row());
			v.set("column_name", i, issue.column());
			v.set("ref", i, issue.householdRef());
			v.set("message_key", i, issue.messageKey());
			v.set("message_args", i, toArrayLiteral(issue.args()));
		}
		var p = v.params();
		p.put("id", id);
		jdbc.sql("INSERT INTO registry_import_issue (import_id, seq, kind, row_no, column_name, household_ref, "
				+ "message_key, message_args) SELECT :id, CAST(v.seq AS integer), v.kind, CAST(v.row_no AS bigint), "
				+ "left(v.column_name, 100), left(v.ref, 100), v.message_key, CAST(v.message_args AS text[]) FROM "
				+ v.from())
			.params(p)
			.update();
	}

	/** An issue with its place in the list. */
	record Numbered(int seq, ImportIssue issue) {
	}

	void finish(long id, String status, String reportFile, String errorKey, List<String> errorArgs, Instant at) {
		jdbc.sql("""
				UPDATE registry_import SET status = ?, report_file = ?, error_key = ?, error_args = ?, finished_at = ?,
				    stored_file = NULL
				WHERE id = ?""")
			.params(status, reportFile, errorKey, errorArgs == null ? null : errorArgs.toArray(String[]::new),
					Timestamp.from(at), id)
			.update();
	}

	public Optional<ImportView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE i.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Unscoped, for the job that runs the import. */
	public Optional<ImportView> find(long id) {
		return jdbc.sql(SELECT + " WHERE i.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
	}

	public Optional<ImportView> findByJob(Scope scope, long jobId) {
		return jdbc.sql(SELECT + " WHERE i.job_id = :job AND " + Scope.sql("o.path"))
			.param("job", jobId)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> map(rs))
			.optional();
	}

	public List<ImportView> recent(Scope scope, int limit) {
		return jdbc.sql(SELECT + " WHERE " + Scope.sql("o.path") + " ORDER BY i.id DESC LIMIT :limit")
			.param("scopePath", scope.likePattern())
			.param("limit", limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	public List<ImportIssue> issues(long id, int limit) {
		return jdbc.sql("""
				SELECT kind, row_no, column_name, household_ref, message_key, message_args FROM registry_import_issue
				WHERE import_id = ? ORDER BY (kind = 'ERROR') DESC, seq LIMIT ?""")
			.params(id, limit)
			.query((rs, n) -> {
				long row = rs.getLong("row_no");
				Long rowNo = rs.wasNull() ? null : row;
				return new ImportIssue(ImportIssue.Kind.valueOf(rs.getString("kind")), rowNo, rs.getString("column_name"),
						rs.getString("household_ref"), rs.getString("message_key"), strings(rs.getArray("message_args")));
			})
			.list();
	}

	public Optional<String> storedFile(long id) {
		return jdbc.sql("SELECT stored_file FROM registry_import WHERE id = ?").param(id).query(String.class).optional();
	}

	public Optional<String> reportFile(long id) {
		return jdbc.sql("SELECT report_file FROM registry_import WHERE id = ?").param(id).query(String.class).optional();
	}

	private static ImportView map(ResultSet rs) throws SQLException {
		long job = rs.getLong("job_id");
		Long jobId = rs.wasNull() ? null : job;
		long total = rs.getLong("rows_total");
		Long rowsTotal = rs.wasNull() ? null : total;
		long createdBy = rs.getLong("created_by");
		return new ImportView(rs.getLong("id"), jobId, rs.getLong("organisation_id"), rs.getString("organisation_name"),
				rs.getString("file_name"), rs.getLong("file_size"), OnExisting.valueOf(rs.getString("existing")),
				rs.getString("status"), rowsTotal, rs.getLong("rows_read"), rs.getLong("rows_accepted"),
				rs.getLong("rows_rejected"), rs.getLong("rows_skipped"), rs.getLong("households_filed"),
				rs.getLong("households_updated"), rs.getLong("households_unchanged"), rs.getLong("households_skipped"),
				rs.getLong("households_rejected"), rs.getLong("warnings"), rs.getString("report_file") != null,
				rs.getString("error_key"), strings(rs.getArray("error_args")), rs.getString("created_login"),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
	}

	/** The import's language tag and who submitted it (the job's locale for the error report). */
	Optional<String> language(long id) {
		return jdbc.sql("SELECT language FROM registry_import WHERE id = ?").param(id).query(String.class).optional();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	/** A PostgreSQL array literal of the texts, every element quoted and escaped. */
	static String toArrayLiteral(List<String> values) {
		StringBuilder s = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				s.append(',');
			}
			String v = values.get(i);
			if (v == null) {
				s.append("NULL");
			}
			else {
				s.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
			}
		}
		return s.append('}').toString();
	}

}
