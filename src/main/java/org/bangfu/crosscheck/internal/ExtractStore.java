package org.bangfu.crosscheck.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.bangfu.crosscheck.ExtractKind;
import org.bangfu.crosscheck.ExtractView;
import org.bangfu.platform.db.CopyIn;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Extracts, their hashed rows (COPY) and the set-based match that writes the findings. */
@Repository
public class ExtractStore {

	static final String[] ROW_COLUMNS = { "extract_id", "line", "id_hash", "name", "head_hash", "sub_kind", "amount",
			"item", "event_date" };

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	ExtractStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	public long insert(long organisationId, ExtractKind kind, String source, LocalDate asOf, LocalDate retainUntil,
			String fileName, String login) {
		return jdbc.sql("""
				INSERT INTO crosscheck_extract (organisation_id, kind, source, as_of, retain_until, file_name, imported_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(organisationId, kind.name(), source, asOf, retainUntil, fileName, login)
			.query(Long.class)
			.single();
	}

	public CopyIn rows() {
		return new CopyIn("crosscheck_extract_row", ROW_COLUMNS);
	}

	public void copy(CopyIn rows) {
		rows.into(dataSource);
	}

	/** Matches the extract's rows against the register of the scope; returns the number of findings. */
	public int match(long extractId, ExtractKind kind, Scope scope) {
		jdbc.sql("SET LOCAL work_mem = '256MB'").update();
		jdbc.sql("ANALYZE crosscheck_extract_row").update();
		int findings = jdbc.sql(MatchSql.of(kind))
			.param("extract", extractId)
			.param("scopePath", scope.likePattern())
			.update();
		return findings;
	}

	public void counts(long extractId, long rows, int badRows, int findings, List<Long> badLines) {
		jdbc.sql("UPDATE crosscheck_extract SET row_count = ?, bad_rows = ?, finding_count = ? WHERE id = ?")
			.params(rows, badRows, findings, extractId)
			.update();
	}

	public List<ExtractView> list(Scope scope, int limit) {
		return jdbc.sql("SELECT e.* FROM crosscheck_extract e JOIN organisation o ON o.id = e.organisation_id WHERE "
				+ Scope.sql("o.path") + " ORDER BY e.id DESC LIMIT :limit")
			.param("scopePath", scope.likePattern())
			.param("limit", limit)
			.query(ExtractStore::view)
			.list();
	}

	public java.util.Optional<ExtractView> find(Scope scope, long id) {
		return jdbc.sql("SELECT e.* FROM crosscheck_extract e JOIN organisation o ON o.id = e.organisation_id WHERE e.id = :id AND "
				+ Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(ExtractStore::view)
			.optional();
	}

	/** Extracts whose retention ended before the day and are not purged yet. */
	public List<ExtractView> expired(LocalDate today) {
		return jdbc.sql("SELECT * FROM crosscheck_extract WHERE status = 'MATCHED' AND retain_until < ? ORDER BY id")
			.params(today)
			.query(ExtractStore::view)
			.list();
	}

	/**
	 * Deletes an extract's rows and its open findings (decided ones stay with their reason, the
	 * evidence reduced to the row numbers); marks it purged. Returns the rows deleted.
	 */
	public int purge(long extractId) {
		int rows = jdbc.sql("DELETE FROM crosscheck_extract_row WHERE extract_id = ?").params(extractId).update();
		jdbc.sql("DELETE FROM crosscheck_finding WHERE extract_id = ? AND status = 'OPEN'").params(extractId).update();
		jdbc.sql("""
				UPDATE crosscheck_finding SET evidence = jsonb_build_object('purged', true, 'rows',
				    (SELECT coalesce(jsonb_agg(jsonb_build_object('line', r -> 'line')), '[]'::jsonb)
				       FROM jsonb_array_elements(evidence -> 'rows') r))
				 WHERE extract_id = ?""").params(extractId).update();
		jdbc.sql("UPDATE crosscheck_extract SET status = 'PURGED', purged_at = now() WHERE id = ?").params(extractId).update();
		return rows;
	}

	static ExtractView view(ResultSet rs, int n) throws SQLException {
		return new ExtractView(rs.getLong("id"), rs.getLong("organisation_id"), ExtractKind.valueOf(rs.getString("kind")),
				rs.getString("source"), rs.getObject("as_of", LocalDate.class), rs.getObject("retain_until", LocalDate.class),
				rs.getString("file_name"), rs.getInt("row_count"), rs.getInt("bad_rows"), rs.getInt("finding_count"),
				rs.getString("status"), rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by"), List.of());
	}

}
