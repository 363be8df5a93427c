package org.bangfu.pairing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bangfu.pairing.PairingImportProblem;
import org.bangfu.pairing.PairingImportView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bulk pairing imports and their problems, and the scoped look-ups a row needs: a user by login,
 * a cadre by name (and phone), a household by 户编号. Every look-up is limited to the scope, so
 * anything outside it is simply not found.
 */
@Component
public class PairingImportStore {

	/** Separates a problem's arguments in one column. */
	static final String SEPARATOR = "\u001F";

	private static final String SELECT = """
			SELECT i.id, i.organisation_id, o.name AS organisation_name, i.file_name, i.file_size, i.rows_read,
			       i.rows_paired, i.rows_rejected, i.report_key, i.created_at, i.created_by
			FROM pairing_import i JOIN organisation o ON o.id = i.organisation_id
			""";

	private final JdbcClient jdbc;

	PairingImportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long organisationId, String fileName, String fileKey, long fileSize, String sha256, int rowsRead,
			int rowsPaired, int rowsRejected, String reportKey, String language, String by) {
		return jdbc.sql("""
				INSERT INTO pairing_import (organisation_id, file_name, file_key, file_size, file_sha256, rows_read,
				                            rows_paired, rows_rejected, report_key, language, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(organisationId, fileName, fileKey, fileSize, sha256, rowsRead, rowsPaired, rowsRejected, reportKey,
					language, by)
			.query(Long.class)
			.single();
	}

	public void insertProblems(long importId, List<PairingImportProblem> problems) {
		int position = 0;
		for (PairingImportProblem p : problems) {
			jdbc.sql("""
					INSERT INTO pairing_import_problem (import_id, position, row_no, column_label, message_key, args)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(importId, position++, p.row(), p.column(), p.key(), String.join(SEPARATOR, p.args()))
				.update();
		}
	}

	public Optional<PairingImportView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE i.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(PairingImportStore::map)
			.optional();
	}

	public Optional<String> reportKey(Scope scope, long id) {
		return jdbc.sql("SELECT i.report_key FROM pairing_import i JOIN organisation o ON o.id = i.organisation_id"
				+ " WHERE i.id = :id AND i.report_key IS NOT NULL AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(String.class)
			.optional();
	}

	public List<PairingImportView> recent(Scope scope, int limit) {
		return jdbc.sql(SELECT + " WHERE " + Scope.sql("o.path") + " ORDER BY i.created_at DESC, i.id DESC LIMIT :limit")
			.param("scopePath", scope.likePattern())
			.param("limit", limit)
			.query(PairingImportStore::map)
			.list();
	}

	/** The import's problems in file order (the import must be in the scope). */
	public List<PairingImportProblem> problems(Scope scope, long importId, int limit) {
		return jdbc.sql("""
				SELECT p.row_no, p.column_label, p.message_key, p.args
				FROM pairing_import_problem p
				JOIN pairing_import i ON i.id = p.import_id
				JOIN organisation o ON o.id = i.organisation_id
				WHERE p.import_id = :id""" + " AND " + Scope.sql("o.path") + " ORDER BY p.position LIMIT :limit")
			.param("id", importId)
			.param("scopePath", scope.likePattern())
			.param("limit", limit)
			.query((rs, n) -> {
				String args = rs.getString("args");
				return new PairingImportProblem(rs.getLong("row_no"), rs.getString("column_label"),
						rs.getString("message_key"), args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1)));
			})
			.list();
	}

	// ---- look-ups for the rows, in the scope

	/** The id of the user with this login (any case) in the scope. */
	public Optional<Long> userByLogin(Scope scope, String login) {
		return jdbc.sql("SELECT u.id FROM identity_user u JOIN organisation o ON o.id = u.organisation_id"
				+ " WHERE lower(u.login) = lower(:login) AND " + Scope.sql("o.path"))
			.param("login", login.strip())
			.param("scopePath", scope.likePattern())
			.query(Long.class)
			.optional();
	}

	/**
	 * Cadres in the scope with exactly this name (and this phone, when given): active ones
	 * first; at most 3 (more than one is already ambiguous).
	 */
	public List<Long> cadresByName(Scope scope, String name, String phone) {
		boolean withPhone = phone != null && !phone.isBlank();
		var spec = jdbc.sql("SELECT c.id FROM pairing_cadre c JOIN organisation o ON o.id = c.organisation_id"
				+ " WHERE c.name = :name AND " + Scope.sql("o.path")
				+ (withPhone ? " AND regexp_replace(coalesce(c.phone, ''), '\\D', '', 'g') = :phone" : "")
				+ " ORDER BY c.active DESC, c.id LIMIT 3")
			.param("name", name.strip())
			.param("scopePath", scope.likePattern());
		if (withPhone) {
			spec = spec.param("phone", phone.replaceAll("\\D", ""));
		}
		return spec.query(Long.class).list();
	}

	/** Households in the scope with this 户编号 (one per organisation at most): filed ones first; at most 3. */
	public List<Long> householdsByFileNo(Scope scope, String fileNo) {
		return jdbc.sql("SELECT h.id FROM registry_household h JOIN organisation o ON o.id = h.organisation_id"
				+ " WHERE h.file_no = :fileNo AND " + Scope.sql("o.path")
				+ " ORDER BY (h.status = 'FILED') DESC, h.id LIMIT 3")
			.param("fileNo", fileNo.strip())
			.param("scopePath", scope.likePattern())
			.query(Long.class)
			.list();
	}

	private static PairingImportView map(ResultSet rs, int n) throws SQLException {
		return new PairingImportView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
				rs.getString("file_name"), rs.getLong("file_size"), rs.getInt("rows_read"), rs.getInt("rows_paired"),
				rs.getInt("rows_rejected"), rs.getString("report_key") != null,
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
	}

}
