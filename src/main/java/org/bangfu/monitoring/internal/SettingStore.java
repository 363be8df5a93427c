package org.bangfu.monitoring.internal;

import org.bangfu.monitoring.MonitoringSetting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deadlines per organisation; an organisation without its own uses its nearest ancestor's, else the defaults. */
@Component
public class SettingStore {

	/** Defaults: a measure within 15 working days, a screening visit within 7 calendar days. */
	public static final int MEASURE_DAYS = 15;

	public static final int SCREENING_DAYS = 7;

	private final JdbcClient jdbc;

	SettingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public MonitoringSetting of(long organisationId) {
		return jdbc.sql("""
				SELECT s.organisation_id, s.measure_days, s.working_days, s.screening_days FROM monitoring_setting s
				JOIN organisation a ON a.id = s.organisation_id, organisation o
				WHERE o.id = :org AND o.path LIKE a.path || '%'
				ORDER BY length(a.path) DESC LIMIT 1""")
			.param("org", organisationId)
			.query((rs, n) -> new MonitoringSetting(organisationId, rs.getInt(2), rs.getBoolean(3), rs.getInt(4),
					rs.getLong(1) != organisationId))
			.optional()
			.orElse(new MonitoringSetting(organisationId, MEASURE_DAYS, true, SCREENING_DAYS, true));
	}

	public void save(long organisationId, int measureDays, boolean workingDays, int screeningDays, String login) {
		jdbc.sql("""
				INSERT INTO monitoring_setting (organisation_id, measure_days, working_days, screening_days, updated_by)
				VALUES (:org, :m, :w, :s, :login)
				ON CONFLICT (organisation_id) DO UPDATE SET measure_days = :m, working_days = :w, screening_days = :s,
				    updated_by = :login, updated_at = now()""")
			.param("org", organisationId)
			.param("m", measureDays)
			.param("w", workingDays)
			.param("s", screeningDays)
			.param("login", login)
			.update();
	}

}
