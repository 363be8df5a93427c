package org.bangfu.reporting.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bangfu.reporting.Indicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Assessment schemes (one per assessing organisation and year) and the points scored by hand. */
@Repository
public class SchemeStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A stored scheme. */
	public record Scheme(long id, long organisationId, int year, List<Indicator> indicators) {
	}

	/** Points given by hand, with the note. */
	public record Manual(long organisationId, String indicator, BigDecimal points, String note, String scoredBy) {
	}

	private final JdbcClient jdbc;

	SchemeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Scheme> find(long organisationId, int year) {
		return jdbc.sql("SELECT id, organisation_id, year, indicators::text AS indicators FROM reporting_assessment_scheme WHERE organisation_id = ? AND year = ?")
			.params(organisationId, year)
			.query((rs, n) -> new Scheme(rs.getLong("id"), rs.getLong("organisation_id"), rs.getInt("year"),
					JSON.readValue(rs.getString("indicators"), new TypeReference<List<Indicator>>() {
					})))
			.optional();
	}

	public long save(long organisationId, int year, List<Indicator> indicators, String login) {
		return jdbc.sql("""
				INSERT INTO reporting_assessment_scheme (organisation_id, year, indicators, created_by)
				VALUES (?, ?, CAST(? AS JSONB), ?)
				ON CONFLICT (organisation_id, year) DO UPDATE SET indicators = EXCLUDED.indicators RETURNING id""")
			.params(organisationId, year, JSON.writeValueAsString(indicators), login)
			.query(Long.class)
			.single();
	}

	public void score(long schemeId, long organisationId, String indicator, BigDecimal points, String note, String login) {
		jdbc.sql("""
				INSERT INTO reporting_assessment_manual (scheme_id, organisation_id, indicator, points, note, scored_by)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scheme_id, organisation_id, indicator)
				DO UPDATE SET points = EXCLUDED.points, note = EXCLUDED.note, scored_by = EXCLUDED.scored_by, scored_at = now()""")
			.params(schemeId, organisationId, indicator, points, note, login)
			.update();
	}

	/** Manual points of a scheme by organisation and indicator. */
	public Map<String, Manual> manual(long schemeId) {
		return jdbc.sql("SELECT organisation_id, indicator, points, note, scored_by FROM reporting_assessment_manual WHERE scheme_id = ?")
			.param(schemeId)
			.query(Manual.class)
			.list()
			.stream()
			.collect(Collectors.toMap(m -> m.organisationId() + "/" + m.indicator(), m -> m));
	}

}
