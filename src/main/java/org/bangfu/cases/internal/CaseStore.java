package org.bangfu.cases.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.cases.CasePage;
import org.bangfu.cases.CaseQuery;
import org.bangfu.cases.CaseRow;
import org.bangfu.cases.CaseStatus;
import org.bangfu.cases.CaseType;
import org.bangfu.cases.CaseView;
import org.bangfu.cases.FrozenDecision;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.shared.BusinessClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the case row: scoped reads, row locks with optimistic versions, state changes and lists. */
@Repository
public class CaseStore {

	private static final String SELECT = """
			SELECT c.*, c.decision_json::text AS decision_text, c.change_data::text AS change_text,
			       o.name AS organisation_name, s.due_date AS step_due
			FROM cases_case c
			JOIN organisation o ON o.id = c.organisation_id
			LEFT JOIN cases_step s ON s.case_id = c.id AND s.completed_at IS NULL
			""";

	/** What a new case row holds. */
	public record NewCase(CaseType type, long chainId, long householdId, String fileNo, String headName,
			long organisationId, String regionCode, String summary, BigDecimal requestedAmount, LocalDate exitDate,
			String changeJson) {
	}

	private final JdbcClient jdbc;

	CaseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(NewCase c, Actor actor, Instant now) {
		try {
			return jdbc.sql("""
					INSERT INTO cases_case (case_no, type, chain_id, household_id, file_no, head_name, organisation_id,
					    region_code, status, summary, requested_amount, exit_date, change_data, created_by_id, created_by,
					    created_at, updated_at)
					VALUES ('C' || to_char(CAST(:now AS timestamptz) AT TIME ZONE CAST(:zone AS text), 'YYYY') || '-'
					        || lpad(nextval('cases_case_no_seq')::text, 6, '0'),
					    :type, :chain, :household, :fileNo, :head, :org, :region, 'DRAFT', :summary, :amount, :exitDate,
					    CAST(:change AS jsonb), :by, :login, :now, :now)
					RETURNING id""")
				.param("now", Timestamp.from(now))
				.param("zone", BusinessClock.zone().getId())
				.param("type", c.type().name())
				.param("chain", c.chainId())
				.param("household", c.householdId())
				.param("fileNo", c.fileNo())
				.param("head", c.headName())
				.param("org", c.organisationId())
				.param("region", c.regionCode())
				.param("summary", c.summary().strip())
				.param("amount", c.requestedAmount())
				.param("exitDate", c.exitDate())
				.param("change", c.changeJson())
				.param("by", actor.userId())
				.param("login", actor.login())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new BangfuException(Problem.CONFLICT, "cases.household.openCase", c.fileNo());
		}
	}

	public Optional<CaseView> find(Scope scope, long id, LocalDate today) {
		return load(scope, id, today, false);
	}

	/** Locks the case row until the transaction ends and checks the version the user saw (null: no check). */
	public CaseView lock(Scope scope, long id, Integer expectedVersion, LocalDate today) {
		CaseView c = load(scope, id, today, true).orElseThrow(() -> BangfuException.notFound("cases.case.notFound", id));
		if (expectedVersion != null && expectedVersion != c.version()) {
			throw new BangfuException(Problem.CONFLICT, "cases.case.stale", c.caseNo());
		}
		return c;
	}

	/** Unscoped lock for system work (the notice period). */
	public CaseView lockSystem(long id, LocalDate today) {
		return jdbc.sql(SELECT + " WHERE c.id = :id FOR UPDATE OF c")
			.param("id", id)
			.query((rs, n) -> map(rs, today))
			.single();
	}

	private Optional<CaseView> load(Scope scope, long id, LocalDate today, boolean forUpdate) {
		return jdbc.sql(SELECT + " WHERE c.id = :id AND " + Scope.sql("o.path") + (forUpdate ? " FOR UPDATE OF c" : ""))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> map(rs, today))
			.optional();
	}

	public boolean hasApprovedFiling(long householdId) {
		return jdbc.sql("SELECT count(*) FROM cases_case WHERE household_id = ? AND type = 'NEW_FILING' AND status = 'APPROVED'")
			.param(householdId)
			.query(Long.class)
			.single() > 0;
	}

	public void submitted(long id, Actor actor, Instant now, Optional<FrozenDecision> decision, boolean first,
			Long changeId, int householdVersion, String fileNo, String headName, int position) {
		if (first) {
			jdbc.sql("""
					UPDATE cases_case SET decision_label = ?, decision_explanation = ?, decision_json = CAST(? AS jsonb),
					       decision_frozen_at = ?, household_change_id = ?, household_version = ?
					WHERE id = ?""")
				.params(decision.map(FrozenDecision::outcomeLabel).orElse(null),
						decision.map(FrozenDecision::explanation).orElse(null), decision.map(FrozenDecision::json).orElse(null),
						decision.isPresent() ? Timestamp.from(now) : null, changeId, householdVersion, id)
				.update();
		}
		jdbc.sql("""
				UPDATE cases_case SET status = 'IN_REVIEW', current_position = ?, submitted_by_id = ?, submitted_by = ?,
				       submitted_at = ?, file_no = ?, head_name = ?, updated_at = ?, version = version + 1
				WHERE id = ?""")
			.params(position, actor.userId(), actor.login(), Timestamp.from(now), fileNo, headName, Timestamp.from(now), id)
			.update();
	}

	public void moveTo(long id, CaseStatus status, Integer position, Instant now) {
		jdbc.sql("UPDATE cases_case SET status = ?, current_position = ?, updated_at = ?, version = version + 1 WHERE id = ?")
			.params(status.name(), position, Timestamp.from(now), id)
			.update();
	}

	public void decided(long id, CaseStatus status, String reason, LocalDate effectiveDate, String outcomeApplied,
			Instant now) {
		jdbc.sql("""
				UPDATE cases_case SET status = ?, current_position = NULL, decided_at = ?, result_reason = ?,
				       effective_date = ?, outcome_applied = ?, updated_at = ?, version = version + 1
				WHERE id = ?""")
			.params(status.name(), Timestamp.from(now), reason, effectiveDate, outcomeApplied, Timestamp.from(now), id)
			.update();
	}

	/** Bumps the version (a document added or removed changes what reviewers saw). */
	public void touch(long id, Instant now) {
		jdbc.sql("UPDATE cases_case SET updated_at = ?, version = version + 1 WHERE id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	/** Lists cases in the scope; "mine" needs the caller's organisation facts to match the steps they may act on. */
	public CasePage search(Actor actor, ActingOrganisation org, CaseQuery q, LocalDate today) {
		StringBuilder where = new StringBuilder(" WHERE " + Scope.sql("o.path"));
		Map<String, Object> p = new HashMap<>();
		p.put("scopePath", actor.scope().likePattern());
		p.put("today", today);
		String view = q.viewOrDefault();
		if ("mine".equals(view)) {
			where.append(" ").append("""
					AND ((c.status = 'IN_REVIEW' AND cs.role IN (:roles)
					       AND (cs.level = 'ANY' OR cs.level = :myLevel)
					       AND (cs.organisation_type IS NULL OR cs.organisation_type = :myType)
					       AND c.created_by_id <> :me AND coalesce(c.submitted_by_id, 0) <> :me
					       AND (SELECT p.actor_id FROM cases_step p WHERE p.case_id = c.id AND p.outcome = 'PASS'
					            AND p.position < c.current_position ORDER BY p.id DESC LIMIT 1) IS DISTINCT FROM :me)
					   OR (c.status IN ('DRAFT', 'RETURNED') AND (c.created_by_id = :me OR c.submitted_by_id = :me)))""");
			List<String> roles = new ArrayList<>(actor.roles().stream().map(Role::name).toList());
			roles.add("-");
			p.put("roles", roles);
			p.put("myLevel", levelName(org.regionLevel()));
			p.put("myType", org.type().name());
			p.put("me", actor.userId());
		}
		else if ("overdue".equals(view)) {
			where.append(" AND c.status = 'IN_REVIEW' AND s.due_date < :today");
		}
		if (q.status() != null) {
			where.append(" AND c.status = :status");
			p.put("status", q.status().name());
		}
		if (q.type() != null) {
			where.append(" AND c.type = :type");
			p.put("type", q.type().name());
		}
		if (q.text() != null && !q.text().isBlank()) {
			where.append(" AND (c.file_no LIKE :text OR c.head_name LIKE :text OR c.case_no LIKE :text)");
			p.put("text", q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		String from = """
				FROM cases_case c
				JOIN organisation o ON o.id = c.organisation_id
				LEFT JOIN cases_step s ON s.case_id = c.id AND s.completed_at IS NULL
				LEFT JOIN cases_chain_step cs ON cs.chain_id = c.chain_id AND cs.position = c.current_position
				""";
		long total = jdbc.sql("SELECT count(*) " + from + where).params(p).query(Long.class).single();
		String order = "all".equals(view) ? " ORDER BY c.updated_at DESC, c.id DESC" : " ORDER BY s.due_date NULLS LAST, c.id";
		int size = q.sizeOrDefault();
		int page = q.pageOrFirst();
		p.put("limit", size);
		p.put("offset", (long) (page - 1) * size);
		List<CaseRow> rows = jdbc.sql("""
				SELECT c.id, c.case_no, c.type, c.status, c.file_no, c.head_name, o.name AS organisation_name,
				       c.current_position, cs.name AS step_name, cs.name_en AS step_name_en, cs.role AS step_role,
				       s.due_date, c.updated_at
				""" + from + where + order + " LIMIT :limit OFFSET :offset")
			.params(p)
			.query((rs, n) -> row(rs, today))
			.list();
		return new CasePage(rows, total, page, size);
	}

	/** Open cases in the scope whose current step is a notice step (candidates for a notice). */
	public List<CaseRow> atNoticeStep(Scope scope, LocalDate today) {
		return jdbc.sql("""
				SELECT c.id, c.case_no, c.type, c.status, c.file_no, c.head_name, o.name AS organisation_name,
				       c.current_position, cs.name AS step_name, cs.name_en AS step_name_en, cs.role AS step_role,
				       s.due_date, c.updated_at
				FROM cases_case c
				JOIN organisation o ON o.id = c.organisation_id
				JOIN cases_chain_step cs ON cs.chain_id = c.chain_id AND cs.position = c.current_position
				LEFT JOIN cases_step s ON s.case_id = c.id AND s.completed_at IS NULL
				WHERE c.status = 'IN_REVIEW' AND cs.form = 'NOTICE'
				""" + " AND " + Scope.sql("o.path") + """
				  AND NOT EXISTS (SELECT 1 FROM cases_notice_case nc JOIN cases_notice n ON n.id = nc.notice_id
				                  WHERE nc.case_id = c.id AND nc.state = 'PENDING' AND n.status <> 'CLOSED')
				ORDER BY s.due_date, c.id""")
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> row(rs, today))
			.list();
	}

	static String levelName(Integer regionLevel) {
		if (regionLevel == null) {
			return "NONE";
		}
		return switch (regionLevel) {
			case 1 -> "PROVINCE";
			case 2 -> "CITY";
			case 3 -> "COUNTY";
			case 4 -> "TOWNSHIP";
			case 5 -> "VILLAGE";
			default -> "NONE";
		};
	}

	private static CaseRow row(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
		String role = rs.getString("step_role");
		return new CaseRow(rs.getLong("id"), rs.getString("case_no"), CaseType.valueOf(rs.getString("type")), status,
				rs.getString("file_no"), rs.getString("head_name"), rs.getString("organisation_name"),
				(Integer) rs.getObject("current_position"), rs.getString("step_name"), rs.getString("step_name_en"),
				role == null ? null : Role.valueOf(role), due,
				status == CaseStatus.IN_REVIEW && due != null && due.isBefore(today),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static CaseView map(ResultSet rs, LocalDate today) throws SQLException {
		String label = rs.getString("decision_label");
		String json = rs.getString("decision_text");
		FrozenDecision decision = label == null && json == null ? null
				: new FrozenDecision(label, rs.getString("decision_explanation"), json);
		LocalDate due = rs.getObject("step_due", LocalDate.class);
		CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
		return new CaseView(rs.getLong("id"), rs.getString("case_no"), CaseType.valueOf(rs.getString("type")),
				rs.getLong("chain_id"), rs.getLong("household_id"), rs.getString("file_no"), rs.getString("head_name"),
				rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("region_code"), status,
				(Integer) rs.getObject("current_position"), rs.getString("summary"), rs.getBigDecimal("requested_amount"),
				rs.getObject("exit_date", LocalDate.class), rs.getString("change_text"), decision,
				instant(rs, "decision_frozen_at"), (Long) rs.getObject("household_change_id"),
				(Long) rs.getObject("submitted_by_id"), rs.getString("submitted_by"), instant(rs, "submitted_at"),
				instant(rs, "decided_at"), rs.getString("result_reason"), rs.getObject("effective_date", LocalDate.class),
				rs.getString("outcome_applied"), rs.getLong("created_by_id"), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"), due,
				status == CaseStatus.IN_REVIEW && due != null && due.isBefore(today));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
