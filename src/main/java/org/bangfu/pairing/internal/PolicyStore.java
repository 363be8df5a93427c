package org.bangfu.pairing.internal;

import java.util.List;
import java.util.Optional;

import org.bangfu.pairing.PairingVocabulary.Frequency;
import org.bangfu.pairing.VisitPolicyView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Visit frequency policies per organisation and household category. */
@Component
public class PolicyStore {

	/**
	 * The policy of a household, as a LATERAL subquery over the household's organisation path
	 * and categories: the nearest organisation up the tree that has one; there a policy for one
	 * of the household's categories beats the general one, and of several the most frequent wins.
	 */
	public static String policyOf(String organisationPath, String categories) {
		return """
				SELECT vp.frequency, vp.interval_days FROM pairing_visit_policy vp
				JOIN organisation po ON po.id = vp.organisation_id
				WHERE %s LIKE po.path || '%%' AND (vp.category IS NULL OR vp.category = ANY (%s))
				ORDER BY length(po.path) DESC, (vp.category IS NOT NULL) DESC,
				         CASE vp.frequency WHEN 'MONTHLY' THEN 31 WHEN 'QUARTERLY' THEN 92 ELSE vp.interval_days END
				LIMIT 1""".formatted(organisationPath, categories);
	}

	/** The next due date in SQL, the same rule as {@link org.bangfu.pairing.VisitFrequency}. */
	public static final String DUE_ON = """
			CASE coalesce(pol.frequency, 'QUARTERLY')
			  WHEN 'MONTHLY' THEN (date_trunc('month', b.basis) + interval '2 month' - interval '1 day')::date
			  WHEN 'QUARTERLY' THEN (date_trunc('quarter', b.basis) + interval '6 month' - interval '1 day')::date
			  ELSE b.basis + pol.interval_days END""";

	private static final String SELECT = """
			SELECT p.id, p.organisation_id, o.name AS organisation_name, p.category, p.frequency, p.interval_days
			FROM pairing_visit_policy p JOIN organisation o ON o.id = p.organisation_id
			""";

	private final JdbcClient jdbc;

	PolicyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<VisitPolicyView> list(Scope scope) {
		return jdbc.sql(SELECT + " WHERE " + Scope.sql("o.path") + " ORDER BY o.path, p.category NULLS FIRST")
			.param("scopePath", scope.likePattern())
			.query(VisitPolicyView.class)
			.list();
	}

	public Optional<VisitPolicyView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE p.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(VisitPolicyView.class)
			.optional();
	}

	/** Sets (inserts or replaces) the policy of an organisation for a category (null: all). */
	public long save(long organisationId, String category, Frequency frequency, Integer days, String by) {
		jdbc.sql("DELETE FROM pairing_visit_policy WHERE organisation_id = ? AND coalesce(category, '') = coalesce(?, '')")
			.params(organisationId, category)
			.update();
		return jdbc.sql("""
				INSERT INTO pairing_visit_policy (organisation_id, category, frequency, interval_days, created_by)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(organisationId, category, frequency.name(), days, by)
			.query(Long.class)
			.single();
	}

	public void delete(long id) {
		jdbc.sql("DELETE FROM pairing_visit_policy WHERE id = ?").param(id).update();
	}

}
