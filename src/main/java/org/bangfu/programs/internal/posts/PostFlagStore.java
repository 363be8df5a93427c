package org.bangfu.programs.internal.posts;

import java.time.LocalDate;
import java.util.List;

import org.bangfu.programs.PostFlag;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the posts the monthly cycles flagged, in cycles of the scope. */
@Repository
public class PostFlagStore {

	private static final String FROM = """
			FROM programs_post_flag f JOIN programs_cycle c ON c.id = f.cycle_id JOIN organisation o ON o.id = c.organisation_id
			JOIN programs_post p ON p.id = f.post_id
			WHERE o.path LIKE :scopePath AND (CAST(:cycle AS bigint) IS NULL OR f.cycle_id = :cycle)
			  AND (CAST(:kind AS varchar) IS NULL OR f.kind = :kind)
			""";

	private final JdbcClient jdbc;

	PostFlagStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PostFlag> page(Scope scope, Long cycleId, String kind, int offset, int limit) {
		return jdbc.sql("SELECT f.*, c.label, p.person_name, p.id_number_masked, p.post_name, p.place, p.tier " + FROM
				+ " ORDER BY f.month DESC, f.cycle_id DESC, f.kind, p.person_name, f.post_id OFFSET :offset LIMIT :limit")
			.param("scopePath", scope.likePattern())
			.param("cycle", cycleId)
			.param("kind", kind)
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, n) -> new PostFlag(rs.getLong("cycle_id"), rs.getString("label"), rs.getObject("month", LocalDate.class),
					rs.getString("kind"), rs.getLong("post_id"), rs.getString("person_name"), rs.getString("id_number_masked"),
					rs.getString("post_name"), rs.getString("place"), rs.getInt("tier")))
			.list();
	}

	public long count(Scope scope, Long cycleId, String kind) {
		return jdbc.sql("SELECT count(*) " + FROM)
			.param("scopePath", scope.likePattern())
			.param("cycle", cycleId)
			.param("kind", kind)
			.query(Long.class)
			.single();
	}

}
