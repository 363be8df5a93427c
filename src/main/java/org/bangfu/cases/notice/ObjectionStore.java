package org.bangfu.cases.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bangfu.cases.ObjectionView;
import org.bangfu.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for objections to notices. */
@Repository
public class ObjectionStore {

	private static final String SELECT = """
			SELECT ob.*, n.title AS notice_title, c.case_no, nc.row_no FROM cases_objection ob
			JOIN cases_notice n ON n.id = ob.notice_id
			JOIN cases_case c ON c.id = ob.case_id
			JOIN cases_notice_case nc ON nc.notice_id = ob.notice_id AND nc.case_id = ob.case_id
			""";

	private final JdbcClient jdbc;

	ObjectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Objections to the case not yet resolved (they stop its approval). */
	public long openCount(long caseId) {
		return jdbc.sql("SELECT count(*) FROM cases_objection WHERE case_id = ? AND status = 'OPEN'")
			.param(caseId)
			.query(Long.class)
			.single();
	}

	public long insert(long noticeId, long caseId, String channel, String name, String contact, String text,
			String recordedBy, Instant now) {
		return jdbc.sql("""
				INSERT INTO cases_objection (notice_id, case_id, channel, objector_name, objector_contact, text, received_at,
				    recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(noticeId, caseId, channel, blank(name), blank(contact), text.strip(), Timestamp.from(now), recordedBy)
			.query(Long.class)
			.single();
	}

	public Optional<ObjectionView> lock(long id) {
		return jdbc.sql(SELECT + " WHERE ob.id = ? FOR UPDATE OF ob").param(id).query((rs, n) -> map(rs)).optional();
	}

	public void resolve(long id, boolean upheld, String finding, Actor actor, Instant now) {
		jdbc.sql("""
				UPDATE cases_objection SET status = 'RESOLVED', upheld = ?, finding = ?, resolved_by_id = ?, resolved_by = ?,
				       resolved_at = ?
				WHERE id = ? AND status = 'OPEN'""")
			.params(upheld, finding.strip(), actor.userId(), actor.displayName(), Timestamp.from(now), id)
			.update();
	}

	public List<ObjectionView> ofNotice(long noticeId) {
		return jdbc.sql(SELECT + " WHERE ob.notice_id = ? ORDER BY ob.id").param(noticeId).query((rs, n) -> map(rs)).list();
	}

	public List<ObjectionView> ofCase(long caseId) {
		return jdbc.sql(SELECT + " WHERE ob.case_id = ? ORDER BY ob.id").param(caseId).query((rs, n) -> map(rs)).list();
	}

	private static ObjectionView map(ResultSet rs) throws SQLException {
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new ObjectionView(rs.getLong("id"), rs.getLong("notice_id"), rs.getString("notice_title"),
				rs.getLong("case_id"), rs.getString("case_no"), rs.getInt("row_no"), rs.getString("channel"),
				rs.getString("objector_name"), rs.getString("objector_contact"), rs.getString("text"),
				rs.getTimestamp("received_at").toInstant(), rs.getString("recorded_by"), rs.getString("status"),
				(Boolean) rs.getObject("upheld"), rs.getString("finding"), rs.getString("resolved_by"),
				resolved == null ? null : resolved.toInstant());
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
