package org.bangfu.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bangfu.reporting.FigureValue;
import org.bangfu.reporting.Notification;
import org.bangfu.reporting.ReportPeriod.PeriodKind;
import org.bangfu.reporting.ReportTemplate;
import org.bangfu.reporting.ReportView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Templates, report versions and reminders in SQL; figures and roll-up lines as JSON columns. */
@Repository
public class ReportVersionStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = """
			r.id, r.template_code, r.organisation_id, o.name AS organisation_name, r.period_key, r.version, r.status,
			r.figures::text AS figures, r.lines::text AS lines, r.correction_reason, r.created_by, r.submitted_by, r.submitted_at""";

	private final JdbcClient jdbc;

	ReportVersionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ReportTemplate> templates() {
		return jdbc.sql("SELECT * FROM reporting_template ORDER BY code").query((rs, n) -> template(rs)).list();
	}

	public Optional<ReportTemplate> template(String code) {
		return jdbc.sql("SELECT * FROM reporting_template WHERE code = ?").param(code).query((rs, n) -> template(rs)).optional();
	}

	private static ReportTemplate template(ResultSet rs) throws SQLException {
		return new ReportTemplate(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				Arrays.asList((String[]) rs.getArray("figures").getArray()), rs.getString("breakdown"),
				PeriodKind.valueOf(rs.getString("period")), rs.getString("deadline"), rs.getString("submitter_type"),
				rs.getBoolean("editable"), rs.getInt("remind_days"));
	}

	public Optional<ReportView> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM reporting_report r JOIN organisation o ON o.id = r.organisation_id WHERE r.id = ?")
			.param(id)
			.query((rs, n) -> report(rs))
			.optional();
	}

	/** Every version of an organisation's report for a period, newest first. */
	public List<ReportView> versions(String template, long organisationId, String period) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM reporting_report r JOIN organisation o ON o.id = r.organisation_id
				WHERE r.template_code = ? AND r.organisation_id = ? AND r.period_key = ? ORDER BY r.version DESC""")
			.params(template, organisationId, period)
			.query((rs, n) -> report(rs))
			.list();
	}

	/** The submitted (current) version of each organisation of the list for a period. */
	public List<ReportView> submitted(String template, String period, List<Long> organisationIds) {
		if (organisationIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM reporting_report r JOIN organisation o ON o.id = r.organisation_id
				WHERE r.template_code = :t AND r.period_key = :p AND r.status = 'SUBMITTED' AND r.organisation_id IN (:ids)""")
			.param("t", template)
			.param("p", period)
			.param("ids", organisationIds)
			.query((rs, n) -> report(rs))
			.list();
	}

	/** Reports of the scope for the list page: own ones of any status, others only once submitted. */
	public List<ReportView> list(Scope scope, String template, String period, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM reporting_report r JOIN organisation o ON o.id = r.organisation_id
				WHERE r.organisation_path LIKE :scopePath AND (r.organisation_id = :own OR r.status <> 'DRAFT')
				  AND (CAST(:t AS VARCHAR) IS NULL OR r.template_code = :t) AND (CAST(:p AS VARCHAR) IS NULL OR r.period_key = :p)
				ORDER BY r.period_key DESC, r.template_code, o.path, r.version DESC LIMIT :limit""")
			.param("scopePath", scope.likePattern())
			.param("own", scope.organisationId())
			.param("t", template)
			.param("p", period)
			.param("limit", limit)
			.query((rs, n) -> report(rs))
			.list();
	}

	public long insert(String template, long organisationId, String organisationPath, String period, int version,
			List<FigureValue> figures, List<ReportView.Line> lines, String reason, String login) {
		return jdbc.sql("""
				INSERT INTO reporting_report (template_code, organisation_id, organisation_path, period_key, version, status,
				  figures, lines, correction_reason, created_by)
				VALUES (?, ?, ?, ?, ?, 'DRAFT', CAST(? AS JSONB), CAST(? AS JSONB), ?, ?) RETURNING id""")
			.params(template, organisationId, organisationPath, period, version, JSON.writeValueAsString(figures),
					JSON.writeValueAsString(lines), reason, login)
			.query(Long.class)
			.single();
	}

	public void updateFigures(long id, List<FigureValue> figures) {
		jdbc.sql("UPDATE reporting_report SET figures = CAST(? AS JSONB) WHERE id = ? AND status = 'DRAFT'")
			.params(JSON.writeValueAsString(figures), id)
			.update();
	}

	/** Marks the draft submitted and the version it replaces superseded. */
	public void submit(ReportView draft, String login, Instant at) {
		jdbc.sql("""
				UPDATE reporting_report SET status = 'SUPERSEDED' WHERE template_code = ? AND organisation_id = ?
				AND period_key = ? AND status = 'SUBMITTED'""")
			.params(draft.templateCode(), draft.organisationId(), draft.periodKey())
			.update();
		jdbc.sql("UPDATE reporting_report SET status = 'SUBMITTED', submitted_by = ?, submitted_at = ? WHERE id = ? AND status = 'DRAFT'")
			.params(login, Timestamp.from(at), draft.id())
			.update();
	}

	public boolean notify(long organisationId, String template, String period, LocalDate dueOn) {
		return jdbc.sql("""
				INSERT INTO reporting_notification (organisation_id, kind, template_code, period_key, due_on)
				VALUES (?, 'REPORT_DUE', ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(organisationId, template, period, dueOn)
			.update() > 0;
	}

	/** Reminders of an organisation whose report is still not submitted, due from {@code since}. */
	public List<Notification> notifications(long organisationId, LocalDate since, boolean english) {
		return jdbc.sql("""
				SELECT n.id, n.template_code, CASE WHEN :en THEN t.name_en ELSE t.name_zh END AS template_name, n.period_key, n.due_on
				FROM reporting_notification n JOIN reporting_template t ON t.code = n.template_code
				WHERE n.organisation_id = :org AND n.due_on >= :since AND NOT EXISTS (SELECT 1 FROM reporting_report r
				  WHERE r.template_code = n.template_code AND r.organisation_id = n.organisation_id
				  AND r.period_key = n.period_key AND r.status = 'SUBMITTED')
				ORDER BY n.due_on, n.template_code""")
			.param("en", english)
			.param("org", organisationId)
			.param("since", since)
			.query(Notification.class)
			.list();
	}

	private static ReportView report(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp("submitted_at");
		return new ReportView(rs.getLong("id"), rs.getString("template_code"), rs.getLong("organisation_id"),
				rs.getString("organisation_name"), rs.getString("period_key"), rs.getInt("version"), rs.getString("status"),
				JSON.readValue(rs.getString("figures"), new TypeReference<List<FigureValue>>() {
				}), JSON.readValue(rs.getString("lines"), new TypeReference<List<ReportView.Line>>() {
				}), rs.getString("correction_reason"), rs.getString("created_by"), rs.getString("submitted_by"),
				at == null ? null : at.toInstant());
	}

}
