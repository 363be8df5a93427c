package org.bangfu.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.registry.HouseholdPage;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.HouseholdRow;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Masking;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One set-based, scoped, paged and sorted query over the register. Rows carry masked numbers only. */
@Repository
public class HouseholdSearch {

	static final Map<String, String> ORDER = Map.of("fileNo", "h.file_no", "headName", "hm.name",
			"region", "h.region_code", "status", "h.status", "updatedAt", "h.updated_at");

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	HouseholdSearch(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** The conditions of a query on {@code h} (household) and {@code o} (its organisation), and their parameters. */
	record Criteria(List<String> where, Map<String, Object> params) {

		String sql() {
			return String.join(" AND ", where);
		}

	}

	public HouseholdPage search(Scope scope, HouseholdQuery q) {
		Criteria c = criteria(scope, q);
		List<String> where = c.where();
		Map<String, Object> p = c.params();
		int size = q.sizeOrDefault();
		int page = q.pageOrFirst();
		p.put("limit", size);
		p.put("offset", (long) (page - 1) * size);
		String sql = """
				SELECT h.id, h.file_no, o.name AS organisation_name, h.region_code, r.name AS region_name, h.status,
				       hm.name AS head_name, hm.id_number_masked AS head_masked, h.phone, h.updated_at,
				       (SELECT count(*) FROM registry_member c WHERE c.household_id = h.id AND c.active) AS size,
				       count(*) OVER () AS total
				FROM registry_household h
				JOIN organisation o ON o.id = h.organisation_id
				LEFT JOIN organisation_region r ON r.code = h.region_code
				LEFT JOIN registry_member hm ON hm.household_id = h.id AND hm.relation = 'HEAD' AND hm.active
				WHERE\s""" + String.join(" AND ", where) + " ORDER BY " + ORDER.get(q.sortOrDefault())
				+ (q.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", h.id LIMIT :limit OFFSET :offset";
		long[] total = { 0 };
		List<HouseholdRow> rows = jdbc.sql(sql).params(p).query((rs, n) -> {
			total[0] = rs.getLong("total");
			return new HouseholdRow(rs.getLong("id"), rs.getString("file_no"), rs.getString("organisation_name"),
					rs.getString("region_code"), rs.getString("region_name"),
					HouseholdStatus.valueOf(rs.getString("status")), rs.getString("head_name"),
					rs.getString("head_masked"), Masking.phone(rs.getString("phone")), rs.getInt("size"),
					Rows.instant(rs, "updated_at"));
		}).list();
		if (rows.isEmpty() && page > 1) {
			total[0] = count(where, p);
		}
		return new HouseholdPage(rows, total[0], page, size);
	}

	/** The search's filters in the scope; a malformed ID number or region fails naming its field. */
	Criteria criteria(Scope scope, HouseholdQuery q) {
		List<String> where = new ArrayList<>();
		Map<String, Object> p = new HashMap<>();
		where.add(Scope.sql("o.path"));
		p.put("scopePath", scope.likePattern());
		if (present(q.idNumber())) {
			IdNumber id = IdNumber.parse(q.idNumber());
			where.add("EXISTS (SELECT 1 FROM registry_member m WHERE m.household_id = h.id AND m.active"
					+ " AND m.id_number_hash = :hash)");
			p.put("hash", cipher.hash(id.value()));
		}
		if (present(q.name())) {
			where.add("EXISTS (SELECT 1 FROM registry_member m WHERE m.household_id = h.id AND m.active"
					+ " AND m.name LIKE :name)");
			p.put("name", like(q.name()) + "%");
		}
		if (present(q.phone())) {
			where.add("(h.phone = :phone OR EXISTS (SELECT 1 FROM registry_member m WHERE m.household_id = h.id"
					+ " AND m.active AND m.phone = :phone))");
			p.put("phone", q.phone().strip());
		}
		if (present(q.region())) {
			String r = q.region().strip();
			if (!r.matches("\\d{2,12}")) {
				throw BangfuException.badField("region", "region.code.malformed", r);
			}
			where.add("h.region_code LIKE :region");
			p.put("region", significant(r) + "%");
		}
		if (q.status() != null) {
			where.add("h.status = :status");
			p.put("status", q.status().name());
		}
		if (q.category() != null) {
			where.add("(:category = ANY (h.categories) OR EXISTS (SELECT 1 FROM registry_member m"
					+ " WHERE m.household_id = h.id AND m.active AND :category = ANY (m.categories)))");
			p.put("category", q.category().name());
		}
		if (q.cause() != null) {
			where.add("(h.main_cause = :cause OR :cause = ANY (h.secondary_causes))");
			p.put("cause", q.cause().name());
		}
		return new Criteria(where, p);
	}

	private long count(List<String> where, Map<String, Object> p) {
		return jdbc.sql("SELECT count(*) FROM registry_household h JOIN organisation o ON o.id = h.organisation_id WHERE "
				+ String.join(" AND ", where)).params(p).query(Long.class).single();
	}

	/** The significant prefix of a region code: 420102000000 → 420102, 420102002 → 420102002. */
	static String significant(String code) {
		String c = code;
		for (int len : new int[] { 2, 4, 6, 9 }) {
			if (c.length() > len && c.substring(len).matches("0+")) {
				return c.substring(0, len);
			}
		}
		return c;
	}

	private static boolean present(String s) {
		return s != null && !s.isBlank();
	}

	private static String like(String s) {
		return s.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
