package org.bangfu.exits.internal;

import java.util.Optional;

import org.bangfu.exits.ExitSetting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Exit settings per organisation; an organisation without its own row takes its nearest ancestor's. */
@Component
public class ExitSettingStore {

	/**
	 * The setting row in force for the organisation path column given (nearest ancestor with a
	 * row), as a lateral subquery; columns transition_months, follow_up_months, follow_up_interval_months, line_kind.
	 */
	public static String inForce(String pathColumn) {
		return "SELECT s.* FROM exits_setting s JOIN organisation so ON so.id = s.organisation_id WHERE " + pathColumn
				+ " LIKE so.path || '%' ORDER BY length(so.path) DESC LIMIT 1";
	}

	private final JdbcClient jdbc;

	ExitSettingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ExitSetting of(long organisationId) {
		Optional<ExitSetting> found = jdbc.sql("SELECT x.* FROM organisation o CROSS JOIN LATERAL (" + inForce("o.path")
				+ ") x WHERE o.id = :id")
			.param("id", organisationId)
			.query((rs, n) -> new ExitSetting(rs.getString("line_kind"), rs.getInt("transition_months"),
					rs.getInt("follow_up_months"), rs.getInt("follow_up_interval_months"), rs.getLong("organisation_id")))
			.optional();
		return found.orElse(ExitSetting.defaults());
	}

	public void save(long organisationId, ExitSetting s, String by) {
		jdbc.sql("""
				INSERT INTO exits_setting (organisation_id, line_kind, transition_months, follow_up_months,
				    follow_up_interval_months, updated_by)
				VALUES (:org, :kind, :transition, :months, :interval, :by)
				ON CONFLICT (organisation_id) DO UPDATE SET line_kind = EXCLUDED.line_kind,
				    transition_months = EXCLUDED.transition_months, follow_up_months = EXCLUDED.follow_up_months,
				    follow_up_interval_months = EXCLUDED.follow_up_interval_months, updated_by = EXCLUDED.updated_by,
				    updated_at = now()""")
			.param("org", organisationId)
			.param("kind", s.lineKind())
			.param("transition", s.transitionMonths())
			.param("months", s.followUpMonths())
			.param("interval", s.followUpIntervalMonths())
			.param("by", by)
			.update();
	}

}
