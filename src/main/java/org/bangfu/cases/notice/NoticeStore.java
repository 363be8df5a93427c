package org.bangfu.cases.notice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.NoticeColumn;
import org.bangfu.cases.NoticeRowView;
import org.bangfu.cases.NoticeStatus;
import org.bangfu.cases.NoticeView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.bangfu.shared.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for notices and the rows they show. */
@Repository
public class NoticeStore {

	/** What the archive keeps as proof that a case was publicly noticed. */
	public record NoticeProof(long noticeId, String title, LocalDate startsOn, LocalDate endsOn, String publishedBy,
			String state, List<String> objections) {
	}

	/** What a row shows the public, copied at publication. */
	public record RowSnapshot(long caseId, String displayName, String organisationName, String regionName,
			int householdSize, CaseType caseType, BigDecimal amount, LocalDate appliedOn) {
	}

	private static final String SELECT = """
			SELECT n.*, o.name AS organisation_name FROM cases_notice n JOIN organisation o ON o.id = n.organisation_id
			""";

	private final JdbcClient jdbc;

	NoticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long organisationId, String title, String body, int periodDays, boolean workingDays,
			List<NoticeColumn> columns, boolean maskNames, String contact, List<Long> caseIds, Actor actor) {
		long id = jdbc.sql("""
				INSERT INTO cases_notice (organisation_id, title, body, period_days, working_days, columns, mask_names,
				    contact, created_by_id, created_by)
				VALUES (?, ?, ?, ?, ?, CAST(? AS text[]), ?, ?, ?, ?) RETURNING id""")
			.params(organisationId, title.strip(), blank(body), periodDays, workingDays,
					"{" + String.join(",", columns.stream().map(Enum::name).toList()) + "}", maskNames, blank(contact),
					actor.userId(), actor.login())
			.query(Long.class)
			.single();
		int row = 1;
		for (long caseId : caseIds) {
			jdbc.sql("INSERT INTO cases_notice_case (notice_id, case_id, row_no) VALUES (?, ?, ?)")
				.params(id, caseId, row++)
				.update();
		}
		return id;
	}

	public Optional<NoticeView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE n.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> map(rs))
			.optional()
			.map(this::withRows);
	}

	/** Locks the notice row (publishing, settling, objections serialise on it). */
	public NoticeView lock(long id) {
		return jdbc.sql(SELECT + " WHERE n.id = :id FOR UPDATE OF n")
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional()
			.map(this::withRows)
			.orElseThrow(() -> BangfuException.notFound("notices.notFound", id));
	}

	public void checkVersion(NoticeView n, Integer version) {
		if (version != null && version != n.version()) {
			throw new BangfuException(Problem.CONFLICT, "notices.stale", n.title());
		}
	}

	public List<NoticeView> list(Scope scope, NoticeStatus status, int limit) {
		return jdbc.sql(SELECT + " WHERE " + Scope.sql("o.path") + (status == null ? "" : " AND n.status = :status")
				+ " ORDER BY n.id DESC LIMIT :limit")
			.param("scopePath", scope.likePattern())
			.param("status", status == null ? "" : status.name())
			.param("limit", limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Published and recently closed notices, for the public page (newest first). */
	public List<NoticeView> publicList(LocalDate closedSince, int limit) {
		return jdbc.sql(SELECT + " WHERE n.status = 'PUBLISHED' OR (n.status = 'CLOSED' AND n.ends_on >= :since)"
				+ " ORDER BY n.published_at DESC LIMIT :limit")
			.param("since", closedSince)
			.param("limit", limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	public Optional<NoticeView> findPublic(long id) {
		return jdbc.sql(SELECT + " WHERE n.id = :id AND n.status IN ('PUBLISHED', 'CLOSED')")
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional()
			.map(this::withRows);
	}

	/** Published notices whose period ended before today. */
	public List<Long> expired(LocalDate today) {
		return jdbc.sql("SELECT id FROM cases_notice WHERE status = 'PUBLISHED' AND ends_on < ? ORDER BY id")
			.param(today)
			.query(Long.class)
			.list();
	}

	/** The open notice (draft or published) in which the case still waits, if any. */
	public Optional<Long> openNoticeOf(long caseId) {
		return jdbc.sql("""
				SELECT n.id FROM cases_notice n JOIN cases_notice_case nc ON nc.notice_id = n.id
				WHERE nc.case_id = ? AND nc.state = 'PENDING' AND n.status <> 'CLOSED' LIMIT 1""")
			.param(caseId)
			.query(Long.class)
			.optional();
	}

	public void published(long id, LocalDate startsOn, LocalDate endsOn, Actor actor, Instant now) {
		jdbc.sql("""
				UPDATE cases_notice SET status = 'PUBLISHED', starts_on = ?, ends_on = ?, published_at = ?,
				       published_by_id = ?, published_by = ?, version = version + 1 WHERE id = ?""")
			.params(startsOn, endsOn, Timestamp.from(now), actor.userId(), actor.displayName(), id)
			.update();
	}

	public void snapshot(long noticeId, RowSnapshot r) {
		jdbc.sql("""
				UPDATE cases_notice_case SET display_name = ?, organisation_name = ?, region_name = ?, household_size = ?,
				       case_type = ?, amount = ?, applied_on = ?
				WHERE notice_id = ? AND case_id = ?""")
			.params(r.displayName(), r.organisationName(), r.regionName(), r.householdSize(), r.caseType().name(),
					r.amount(), r.appliedOn(), noticeId, r.caseId())
			.update();
	}

	public void rowState(long noticeId, long caseId, String state, Instant now) {
		jdbc.sql("UPDATE cases_notice_case SET state = ?, settled_at = ? WHERE notice_id = ? AND case_id = ?")
			.params(state, Timestamp.from(now), noticeId, caseId)
			.update();
	}

	public void closed(long id, String result, Instant now) {
		jdbc.sql("UPDATE cases_notice SET status = 'CLOSED', closed_at = ?, result = ?, version = version + 1 WHERE id = ?")
			.params(Timestamp.from(now), result, id)
			.update();
	}

	public void deleteDraft(long id) {
		jdbc.sql("DELETE FROM cases_notice_case WHERE notice_id = ?").param(id).update();
		jdbc.sql("DELETE FROM cases_notice WHERE id = ? AND status = 'DRAFT'").param(id).update();
	}

	public List<NoticeProof> proofs(long caseId) {
		return jdbc.sql("""
				SELECT n.id, n.title, n.starts_on, n.ends_on, n.published_by, nc.state FROM cases_notice n
				JOIN cases_notice_case nc ON nc.notice_id = n.id
				WHERE nc.case_id = ? AND n.status <> 'DRAFT' ORDER BY n.id""")
			.param(caseId)
			.query((rs, n) -> new NoticeProof(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), List.of()))
			.list()
			.stream()
			.map(p -> new NoticeProof(p.noticeId(), p.title(), p.startsOn(), p.endsOn(), p.publishedBy(), p.state(),
					objectionLines(p.noticeId(), caseId)))
			.toList();
	}

	private List<String> objectionLines(long noticeId, long caseId) {
		return jdbc.sql("""
				SELECT to_char(received_at AT TIME ZONE CAST(? AS text), 'YYYY-MM-DD') || ' ' || channel || ': ' || text
				       || coalesce(' → ' || CASE WHEN upheld THEN '✔ ' ELSE '✘ ' END || finding, '')
				FROM cases_objection WHERE notice_id = ? AND case_id = ? ORDER BY id""")
			.params(BusinessClock.zone().getId(), noticeId, caseId)
			.query(String.class)
			.list();
	}

	private NoticeView withRows(NoticeView n) {
		List<NoticeRowView> rows = jdbc.sql("""
				SELECT nc.*, c.case_no, c.file_no,
				       (SELECT count(*) FROM cases_objection ob WHERE ob.case_id = nc.case_id AND ob.notice_id = nc.notice_id
				        AND ob.status = 'OPEN') AS open_objections
				FROM cases_notice_case nc JOIN cases_case c ON c.id = nc.case_id
				WHERE nc.notice_id = ? ORDER BY nc.row_no""")
			.param(n.id())
			.query((rs, i) -> {
				String type = rs.getString("case_type");
				return new NoticeRowView(rs.getLong("case_id"), rs.getString("case_no"), rs.getString("file_no"),
						rs.getInt("row_no"), rs.getString("state"), rs.getString("display_name"),
						rs.getString("organisation_name"), rs.getString("region_name"), (Integer) rs.getObject("household_size"),
						type == null ? null : CaseType.valueOf(type), rs.getBigDecimal("amount"),
						rs.getObject("applied_on", LocalDate.class), rs.getLong("open_objections"));
			})
			.list();
		return new NoticeView(n.id(), n.organisationId(), n.organisationName(), n.title(), n.body(), n.status(),
				n.periodDays(), n.workingDays(), n.columns(), n.maskNames(), n.contact(), n.startsOn(), n.endsOn(),
				n.publishedAt(), n.publishedBy(), n.closedAt(), n.result(), n.createdBy(), n.createdAt(), n.version(), rows);
	}

	private static NoticeView map(ResultSet rs) throws SQLException {
		Timestamp published = rs.getTimestamp("published_at");
		Timestamp closed = rs.getTimestamp("closed_at");
		List<NoticeColumn> columns = java.util.Arrays.stream((String[]) rs.getArray("columns").getArray())
			.map(NoticeColumn::valueOf)
			.toList();
		return new NoticeView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
				rs.getString("title"), rs.getString("body"), NoticeStatus.valueOf(rs.getString("status")),
				rs.getInt("period_days"), rs.getBoolean("working_days"), columns, rs.getBoolean("mask_names"),
				rs.getString("contact"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				published == null ? null : published.toInstant(), rs.getString("published_by"),
				closed == null ? null : closed.toInstant(), rs.getString("result"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"), List.of());
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
