package org.bangfu.programs.internal.posts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.programs.PostView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the post register: posts seen and changed within the organisation subtree of their organisation. */
@Repository
public class PostStore {

	private static final String SELECT = """
			SELECT p.*, o.name AS organisation_name FROM programs_post p JOIN organisation o ON o.id = p.organisation_id
			""";

	private final JdbcClient jdbc;

	PostStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A member found by ID number hash: an active member of a filed (or exited) household within the scope. */
	public record Person(long memberId, long householdId, String name, String idNumberMasked) {
	}

	public Optional<Person> person(Scope scope, String idHash) {
		return jdbc.sql("""
				SELECT m.id, m.household_id, m.name, m.id_number_masked FROM registry_member m
				JOIN registry_household h ON h.id = m.household_id JOIN organisation o ON o.id = h.organisation_id
				WHERE m.id_number_hash = :hash AND m.active AND h.status IN ('FILED', 'EXITED') AND o.path LIKE :scopePath
				ORDER BY m.id LIMIT 1""")
			.param("hash", idHash)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> new Person(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/** Members found by ID number hashes, as {@link #person} finds one: hash to person. */
	public Map<String, Person> persons(Scope scope, java.util.Collection<String> hashes) {
		Map<String, Person> out = new HashMap<>();
		if (hashes.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				SELECT DISTINCT ON (m.id_number_hash) m.id_number_hash, m.id, m.household_id, m.name, m.id_number_masked
				FROM registry_member m
				JOIN registry_household h ON h.id = m.household_id JOIN organisation o ON o.id = h.organisation_id
				WHERE m.id_number_hash = ANY (CAST(:hashes AS text[])) AND m.active AND h.status IN ('FILED', 'EXITED')
				  AND o.path LIKE :scopePath
				ORDER BY m.id_number_hash, m.id""")
			.param("hashes", hashes.toArray(String[]::new))
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> out.put(rs.getString(1), new Person(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5))))
			.list();
		return out;
	}

	/** A checked post of a found person, to insert with others. */
	public record NewRow(Person person, String personHash, PostPolicy.Checked post, Account account) {
	}

	/** Inserts the posts in ONE statement over arrays. */
	public int insertAll(long organisationId, List<NewRow> rows, String login) {
		if (rows.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				INSERT INTO programs_post (organisation_id, household_id, member_id, person_hash, person_name, id_number_masked,
				    post_name, place, tier, from_date, to_date, bank_name, account_masked, account_hash, account_enc, created_by)
				SELECT :org, r.household, r.member, r.hash, r.name, r.masked, r.post, r.place, r.tier, CAST(r.from_date AS date),
				       CAST(r.to_date AS date), r.bank, r.account_masked, r.account_hash, r.account_enc, :login
				FROM unnest(CAST(:households AS bigint[]), CAST(:members AS bigint[]), CAST(:hashes AS text[]),
				            CAST(:names AS text[]), CAST(:maskeds AS text[]), CAST(:posts AS text[]), CAST(:places AS text[]),
				            CAST(:tiers AS integer[]), CAST(:froms AS text[]), CAST(:tos AS text[]), CAST(:banks AS text[]),
				            CAST(:accountMaskeds AS text[]), CAST(:accountHashes AS text[]), CAST(:accountEncs AS text[]))
				     AS r(household, member, hash, name, masked, post, place, tier, from_date, to_date, bank, account_masked,
				          account_hash, account_enc)""")
			.param("org", organisationId)
			.param("login", login)
			.param("households", rows.stream().map(r -> r.person().householdId()).toArray(Long[]::new))
			.param("members", rows.stream().map(r -> r.person().memberId()).toArray(Long[]::new))
			.param("hashes", rows.stream().map(NewRow::personHash).toArray(String[]::new))
			.param("names", rows.stream().map(r -> r.person().name()).toArray(String[]::new))
			.param("maskeds", rows.stream().map(r -> r.person().idNumberMasked()).toArray(String[]::new))
			.param("posts", rows.stream().map(r -> r.post().postName()).toArray(String[]::new))
			.param("places", rows.stream().map(r -> r.post().place()).toArray(String[]::new))
			.param("tiers", rows.stream().map(r -> r.post().tier()).toArray(Integer[]::new))
			.param("froms", rows.stream().map(r -> r.post().from().toString()).toArray(String[]::new))
			.param("tos", rows.stream().map(r -> r.post().to() == null ? null : r.post().to().toString()).toArray(String[]::new))
			.param("banks", rows.stream().map(r -> r.account().bankName()).toArray(String[]::new))
			.param("accountMaskeds", rows.stream().map(r -> r.account().masked()).toArray(String[]::new))
			.param("accountHashes", rows.stream().map(r -> r.account().hash()).toArray(String[]::new))
			.param("accountEncs", rows.stream().map(r -> r.account().enc()).toArray(String[]::new))
			.update();
	}

	/** The salary account as stored: bank, masked, keyed hash, encrypted. */
	public record Account(String bankName, String masked, String hash, String enc) {
	}

	public long insert(long organisationId, Person person, String personHash, String postName, String place, int tier,
			LocalDate from, LocalDate to, Account account, String login) {
		return jdbc.sql("""
				INSERT INTO programs_post (organisation_id, household_id, member_id, person_hash, person_name, id_number_masked,
				    post_name, place, tier, from_date, to_date, bank_name, account_masked, account_hash, account_enc, created_by)
				VALUES (:org, :household, :member, :hash, :name, :masked, :post, :place, :tier, :from, :to, :bank, :accountMasked,
				    :accountHash, :accountEnc, :login) RETURNING id""")
			.param("org", organisationId)
			.param("household", person.householdId())
			.param("member", person.memberId())
			.param("hash", personHash)
			.param("name", person.name())
			.param("masked", person.idNumberMasked())
			.param("post", postName)
			.param("place", place)
			.param("tier", tier)
			.param("from", from)
			.param("to", to)
			.param("bank", account.bankName())
			.param("accountMasked", account.masked())
			.param("accountHash", account.hash())
			.param("accountEnc", account.enc())
			.param("login", login)
			.query(Long.class)
			.single();
	}

	public Optional<PostView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE p.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(PostStore::map)
			.optional();
	}

	/** Ends the post on its last day if nobody changed it since it was read: 1, else 0. */
	public int end(long id, int version, LocalDate lastDay, String reason, String login) {
		return jdbc.sql("""
				UPDATE programs_post SET to_date = ?, end_reason = ?, ended_by = ?, ended_at = now(), version = version + 1
				WHERE id = ? AND version = ? AND to_date IS NULL""")
			.params(lastDay, reason, login, id, version)
			.update();
	}

	/** A page of posts (filters optional), newest first, and the number matching. */
	public Page page(Scope scope, String name, String idHash, String post, Integer tier, String status, LocalDate today,
			int offset, int limit) {
		StringBuilder where = new StringBuilder(" WHERE " + Scope.sql("o.path"));
		Map<String, Object> p = new HashMap<>();
		p.put("scopePath", scope.likePattern());
		if (name != null && !name.isBlank()) {
			where.append(" AND p.person_name LIKE :name");
			p.put("name", like(name.strip()) + "%");
		}
		if (idHash != null) {
			where.append(" AND p.person_hash = :hash");
			p.put("hash", idHash);
		}
		if (post != null && !post.isBlank()) {
			where.append(" AND p.post_name LIKE :post");
			p.put("post", "%" + like(post.strip()) + "%");
		}
		if (tier != null) {
			where.append(" AND p.tier = :tier");
			p.put("tier", tier);
		}
		if ("IN_POST".equals(status) || "ENDED".equals(status)) {
			p.put("today", today);
			where.append("IN_POST".equals(status) ? " AND (p.to_date IS NULL OR p.to_date >= :today)"
					: " AND p.to_date < :today");
		}
		long total = jdbc.sql("SELECT count(*) FROM programs_post p JOIN organisation o ON o.id = p.organisation_id" + where)
			.params(p)
			.query(Long.class)
			.single();
		Map<String, Object> q = new HashMap<>(p);
		q.put("offset", offset);
		q.put("limit", limit);
		List<PostView> rows = jdbc.sql(SELECT + where + " ORDER BY p.id DESC OFFSET :offset LIMIT :limit")
			.params(q)
			.query(PostStore::map)
			.list();
		return new Page(rows, total);
	}

	public record Page(List<PostView> rows, long total) {
	}

	/** Persons holding two posts at once, in the scope: how many posts overlap another post of the same ID number. */
	public long overlapping(Scope scope) {
		return jdbc.sql("""
				SELECT count(*) FROM programs_post p JOIN organisation o ON o.id = p.organisation_id
				WHERE o.path LIKE :scopePath AND EXISTS (SELECT 1 FROM programs_post q WHERE q.person_hash = p.person_hash
				  AND q.id <> p.id AND q.from_date <= coalesce(p.to_date, DATE '9999-12-31')
				  AND p.from_date <= coalesce(q.to_date, DATE '9999-12-31'))""")
			.param("scopePath", scope.likePattern())
			.query(Long.class)
			.single();
	}

	static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static PostView map(ResultSet rs, int n) throws SQLException {
		return new PostView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
				rs.getLong("household_id"), rs.getLong("member_id"), rs.getString("person_name"), rs.getString("id_number_masked"),
				rs.getString("post_name"), rs.getString("place"), rs.getInt("tier"), rs.getObject("from_date", LocalDate.class),
				rs.getObject("to_date", LocalDate.class), rs.getString("end_reason"), rs.getString("bank_name"),
				rs.getString("account_masked"), rs.getInt("version"));
	}

}
