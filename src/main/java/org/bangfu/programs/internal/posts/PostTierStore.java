package org.bangfu.programs.internal.posts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.programs.PostTier;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the tiers' monthly amounts: an organisation's own, else the nearest organisation's above it. */
@Repository
public class PostTierStore {

	private final JdbcClient jdbc;

	PostTierStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Tiers 1 to 5 as they apply to the scope's organisation. */
	public List<PostTier> effective(Scope scope) {
		Map<Integer, PostTier> found = new HashMap<>();
		jdbc.sql("""
				SELECT DISTINCT ON (pt.tier) pt.tier, pt.monthly_fen, o.name, o.id = :org AS own
				FROM programs_post_tier pt JOIN organisation o ON o.id = pt.organisation_id
				WHERE :path LIKE o.path || '%' ORDER BY pt.tier, length(o.path) DESC""")
			.param("org", scope.organisationId())
			.param("path", scope.path())
			.query((rs, n) -> found.put(rs.getInt(1), new PostTier(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4))))
			.list();
		List<PostTier> out = new ArrayList<>();
		for (int t = 1; t <= PostPolicy.MAX_TIER; t++) {
			out.add(found.getOrDefault(t, new PostTier(t, null, null, false)));
		}
		return out;
	}

	public void save(long organisationId, int tier, long monthlyFen, String login) {
		jdbc.sql("""
				INSERT INTO programs_post_tier (organisation_id, tier, monthly_fen, updated_by) VALUES (?, ?, ?, ?)
				ON CONFLICT (organisation_id, tier) DO UPDATE SET monthly_fen = EXCLUDED.monthly_fen,
				    updated_by = EXCLUDED.updated_by, updated_at = now()""")
			.params(organisationId, tier, monthlyFen, login)
			.update();
	}

}
