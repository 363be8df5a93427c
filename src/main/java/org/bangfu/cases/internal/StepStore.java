package org.bangfu.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.cases.Outcome;
import org.bangfu.cases.StepView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for step attempts: one open attempt per case at a time (a unique index guards it). */
@Repository
public class StepStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	StepStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Who completed a step: a person, or the system on behalf of the person who published the notice. */
	public record StepActor(Long id, String login, String name, Long organisationId) {
	}

	public void start(long caseId, int position, Instant now, LocalDate due) {
		jdbc.sql("INSERT INTO cases_step (case_id, position, started_at, due_date) VALUES (?, ?, ?, ?)")
			.params(caseId, position, Timestamp.from(now), due)
			.update();
	}

	public Optional<StepView> open(long caseId, LocalDate today) {
		return jdbc.sql("SELECT *, form_data::text AS form_text FROM cases_step WHERE case_id = ? AND completed_at IS NULL")
			.param(caseId)
			.query((rs, n) -> map(rs, today))
			.optional();
	}

	public void complete(long stepId, Outcome outcome, StepActor actor, boolean automatic, String comment,
			Map<String, Object> form, Instant now) {
		jdbc.sql("""
				UPDATE cases_step SET completed_at = ?, outcome = ?, actor_id = ?, actor_login = ?, actor_name = ?,
				       actor_org_id = ?, automatic = ?, comment = ?, form_data = CAST(? AS jsonb)
				WHERE id = ? AND completed_at IS NULL""")
			.params(Timestamp.from(now), outcome.name(), actor.id(), actor.login(), actor.name(), actor.organisationId(),
					automatic, blankToNull(comment), form == null || form.isEmpty() ? null : JSON.writeValueAsString(form),
					stepId)
			.update();
	}

	/** The person who passed the step before the given position most recently (the one the next step must differ from). */
	public Optional<Long> previousActor(long caseId, int position) {
		return jdbc.sql("""
				SELECT actor_id FROM cases_step WHERE case_id = ? AND outcome = 'PASS' AND position < ?
				ORDER BY id DESC LIMIT 1""")
			.params(caseId, position)
			.query(Long.class)
			.optional();
	}

	public List<StepView> all(long caseId, LocalDate today) {
		return jdbc.sql("SELECT *, form_data::text AS form_text FROM cases_step WHERE case_id = ? ORDER BY id")
			.param(caseId)
			.query((rs, n) -> map(rs, today))
			.list();
	}

	private static StepView map(ResultSet rs, LocalDate today) throws SQLException {
		Timestamp done = rs.getTimestamp("completed_at");
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		String outcome = rs.getString("outcome");
		String form = rs.getString("form_text");
		return new StepView(rs.getLong("id"), rs.getInt("position"), rs.getTimestamp("started_at").toInstant(), due,
				done == null ? null : done.toInstant(), outcome == null ? null : Outcome.valueOf(outcome),
				(Long) rs.getObject("actor_id"), rs.getString("actor_login"), rs.getString("actor_name"),
				rs.getBoolean("automatic"), rs.getString("comment"),
				form == null ? Map.of() : JSON.readValue(form, new TypeReference<Map<String, Object>>() {
				}), done == null && due.isBefore(today));
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
