package org.bangfu.crosscheck.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.crosscheck.ExtractKind;
import org.bangfu.crosscheck.FindingKind;
import org.bangfu.crosscheck.FindingStatus;
import org.bangfu.crosscheck.FindingView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Findings of the caller's subtree (by the household's organisation), and their decisions. */
@Repository
public class FindingStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SELECT = """
			SELECT f.*, e.kind AS extract_kind, e.source, e.as_of, h.file_no, m.name AS member_name,
			       m.id_number_masked
			  FROM crosscheck_finding f
			  JOIN crosscheck_extract e ON e.id = f.extract_id
			  JOIN registry_household h ON h.id = f.household_id
			  JOIN organisation o ON o.id = h.organisation_id
			  JOIN registry_member m ON m.id = f.member_id
			 WHERE\s""" + Scope.sql("o.path");

	private final JdbcClient jdbc;

	FindingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of findings, filtered by status, extract and household when given, oldest first. */
	public List<FindingView> list(Scope scope, FindingStatus status, Long extractId, Long householdId, int offset,
			int limit) {
		return jdbc.sql(SELECT + " AND (CAST(:status AS VARCHAR) IS NULL OR f.status = :status)"
				+ " AND (CAST(:extract AS BIGINT) IS NULL OR f.extract_id = :extract)"
				+ " AND (CAST(:household AS BIGINT) IS NULL OR f.household_id = :household)"
				+ " ORDER BY f.id LIMIT :limit OFFSET :offset")
			.param("scopePath", scope.likePattern())
			.param("status", status == null ? null : status.name())
			.param("extract", extractId)
			.param("household", householdId)
			.param("limit", limit)
			.param("offset", offset)
			.query(FindingStore::view)
			.list();
	}

	public Optional<FindingView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " AND f.id = :id FOR UPDATE OF f")
			.param("scopePath", scope.likePattern())
			.param("id", id)
			.query(FindingStore::view)
			.optional();
	}

	/** Decides an open finding; false when it was decided meanwhile. */
	public boolean decide(long id, FindingStatus status, String reason, String followUp, Long caseId, String login,
			Instant at) {
		return jdbc.sql("""
				UPDATE crosscheck_finding SET status = ?, reason = ?, follow_up = ?, case_id = ?, decided_by = ?, decided_at = ?
				 WHERE id = ? AND status = 'OPEN'""")
			.params(status.name(), reason, followUp, caseId, login, Timestamp.from(at), id)
			.update() == 1;
	}

	static FindingView view(ResultSet rs, int n) throws SQLException {
		Map<String, Object> evidence = JSON.readValue(rs.getString("evidence"), new TypeReference<Map<String, Object>>() {
		});
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rows = (List<Map<String, Object>>) evidence.getOrDefault("rows", List.of());
		Object file = evidence.get("file");
		Timestamp decided = rs.getTimestamp("decided_at");
		Long caseId = rs.getObject("case_id", Long.class);
		return new FindingView(rs.getLong("id"), rs.getLong("extract_id"), ExtractKind.valueOf(rs.getString("extract_kind")),
				rs.getString("source"), rs.getObject("as_of", LocalDate.class), rs.getLong("household_id"),
				rs.getString("file_no"), rs.getLong("member_id"), rs.getString("member_name"),
				rs.getString("id_number_masked"), FindingKind.valueOf(rs.getString("kind")),
				FindingStatus.valueOf(rs.getString("status")), file == null ? "" : file.toString(), rows,
				rs.getString("reason"), rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
				rs.getString("follow_up"), caseId);
	}

}
