package org.bangfu.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.audit.AuditEntry;
import org.bangfu.cases.CaseStatus;
import org.bangfu.cases.TransitionView;
import org.bangfu.cases.internal.StepStore.StepActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every transition of a case, kept for its timeline and recorded in the audit log with its comment. */
@Repository
public class TransitionLog {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	TransitionLog(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public void record(long caseId, String caseNo, StepActor actor, String action, CaseStatus from, CaseStatus to,
			Integer position, String comment, Instant now, Map<String, ?> extra) {
		String text = StepStore.blankToNull(comment);
		jdbc.sql("""
				INSERT INTO cases_transition (case_id, at, actor_id, actor_login, actor_name, action, from_status,
				    to_status, position, comment)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, Timestamp.from(now), actor.id(), actor.login(), actor.name(), action,
					from == null ? null : from.name(), to.name(), position, text)
			.update();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("caseNo", caseNo);
		detail.put("from", from == null ? "" : from.name());
		detail.put("to", to.name());
		if (position != null) {
			detail.put("step", position);
		}
		detail.put("comment", text == null ? "" : text);
		if (extra != null) {
			detail.putAll(extra);
		}
		if (actor.id() == null) {
			audit.record(new AuditEntry("case." + action, "case", String.valueOf(caseId), null, actor.login(), null, detail));
		}
		else {
			audit.record("case." + action, "case", caseId, detail);
		}
	}

	public List<TransitionView> all(long caseId) {
		return jdbc.sql("""
				SELECT id, at, actor_login, actor_name, action, from_status, to_status, position, comment
				FROM cases_transition WHERE case_id = ? ORDER BY id""")
			.param(caseId)
			.query((rs, n) -> new TransitionView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6) == null ? null : CaseStatus.valueOf(rs.getString(6)),
					CaseStatus.valueOf(rs.getString(7)), (Integer) rs.getObject(8), rs.getString(9)))
			.list();
	}

}
