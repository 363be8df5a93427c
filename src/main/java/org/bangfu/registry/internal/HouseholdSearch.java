package org.bangfu.registry.internal;

import java.util.ArrayList;
import java.util.Collections;
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

	private final HouseholdTotals totals;

	HouseholdSearch(JdbcClient jdbc, PersonalDataCipher cipher, HouseholdTotals totals) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.totals = totals;
	}

	/** The conditions of a query on {@code h} (household) and {@code o} (its organisation), and their parameters. */
	record Criteria(List<String> where, Map<String, Object> params) {

		String sql() {
			return where.isEmpty() ? "TRUE" : String.join(" AND ", where);
		}

	}

	/**
	 * One page in the order asked: the page's rows are found by walking the sort's index (from a cursor
	 * when given, else from the page's offset) and only they are joined for display; the total comes
	 * from {@link HouseholdTotals}.
	 */
	public HouseholdPage search(Scope scope, HouseholdQuery q) {
		Criteria c = criteria(scope, q);
		ListOrder order = ListOrder.of(q);
		int size = q.sizeOrDefault();
		PageCursor after = present(q.after()) ? PageCursor.parse(q.after(), order.sort(), "after") : null;
		PageCursor before = after == null && present(q.before()) ? PageCursor.parse(q.before(), order.sort(), "before")
				: null;
		boolean backwards = before != null && order.keyset();
		long offset = order.offset(after != null ? after : before, q.pageOrFirst(), size);
		List<String> where = new ArrayList<>(c.where());
		Map<String, Object> p = new HashMap<>(c.params());
		PageCursor keyset = order.keyset() ? (after != null ? after : before) : null;
		if (keyset != null) {
			where.add(order.keysetCondition(backwards));
			p.put("cursorKey", keyset.value());
			p.put("cursorId", keyset.id());
		}
		p.put("limit", size + 1);
		p.put("offset", Math.max(0, offset));
		String sql = """
				SELECT h.id, h.file_no, o.name AS organisation_name, h.region_code, r.name AS region_name, h.status,
				       hm.name AS head_name, hm.id_number_masked AS head_masked, h.phone, h.updated_at, pg.sort_key,
				       (SELECT count(*) FROM registry_member c WHERE c.household_id = h.id AND c.active) AS size
				FROM (SELECT h.id, %s AS sort_key FROM registry_household h %s WHERE %s ORDER BY %s
				      LIMIT :limit OFFSET :offset) pg
				JOIN registry_household h ON h.id = pg.id
				JOIN organisation o ON o.id = h.organisation_id
				LEFT JOIN organisation_region r ON r.code = h.region_code
				LEFT JOIN registry_member hm ON hm.household_id = h.id AND hm.relation = 'HEAD' AND hm.active
				ORDER BY %s""".formatted(order.column(), order.headJoin(), new Criteria(where, p).sql(),
				order.by(backwards, "h.id"), order.by(backwards, "pg.sort_key", "pg.id"));
		List<Object> keys = new ArrayList<>();
		List<HouseholdRow> rows = new ArrayList<>(jdbc.sql(sql).params(p).query((rs, n) -> {
			keys.add("updatedAt".equals(order.sort()) ? Rows.instant(rs, "sort_key") : rs.getString("sort_key"));
			return new HouseholdRow(rs.getLong("id"), rs.getString("file_no"), rs.getString("organisation_name"),
					rs.getString("region_code"), rs.getString("region_name"),
					HouseholdStatus.valueOf(rs.getString("status")), rs.getString("head_name"),
					rs.getString("head_masked"), Masking.phone(rs.getString("phone")), rs.getInt("size"),
					Rows.instant(rs, "updated_at"));
		}).list());
		boolean more = rows.size() > size;
		if (more) {
			rows.remove(rows.size() - 1);
			keys.remove(keys.size() - 1);
		}
		if (backwards) {
			Collections.reverse(rows);
			Collections.reverse(keys);
		}
		boolean anyBefore = backwards ? more : after != null || offset > 0;
		boolean anyAfter = backwards || more;
		String next = anyAfter && !rows.isEmpty() ? order.cursor(keys.get(keys.size() - 1),
				rows.get(rows.size() - 1).id(), offset + size) : null;
		String previous = anyBefore && !rows.isEmpty() ? order.cursor(keys.get(0), rows.get(0).id(), offset - size)
				: null;
		int page = q.pageOrFirst();
		HouseholdTotals.Total total = !anyBefore && !anyAfter ? new HouseholdTotals.Total(rows.size(), true)
				: totals.of(scope, q, c);
		return new HouseholdPage(rows, total.count(), total.exact(), page, size, next, previous);
	}

	/** The search's filters in the scope; a malformed ID number or region fails naming its field. */
	Criteria criteria(Scope scope, HouseholdQuery q) {
		List<String> where = new ArrayList<>();
		Map<String, Object> p = new HashMap<>();
		inScope("h.organisation_id", scope, where, p);
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
			// a scalar subquery, probed per household by its index: as an EXISTS under OR the planner hashes
			// every member of the category first (a scan of the member table per page view)
			where.add("(:category = ANY (h.categories) OR coalesce((SELECT bool_or(:category = ANY (m.categories))"
					+ " FROM registry_member m WHERE m.household_id = h.id AND m.active), FALSE))");
			p.put("category", q.category().name());
		}
		if (q.cause() != null) {
			where.add("(h.main_cause = :cause OR :cause = ANY (h.secondary_causes))");
			p.put("cause", q.cause().name());
		}
		return new Criteria(where, p);
	}

	/**
	 * The scope as a condition on an organisation id column: the subtree's ids, and no condition at all
	 * for the whole tree (so the planner can walk a sort's index instead of the organisations).
	 */
	static void inScope(String organisationColumn, Scope scope, List<String> where, Map<String, Object> params) {
		if (!scope.wholeTree()) {
			where.add(organisationColumn + " IN (SELECT so.id FROM organisation so WHERE " + Scope.sql("so.path") + ")");
			params.put("scopePath", scope.likePattern());
		}
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

	static boolean present(String s) {
		return s != null && !s.isBlank();
	}

	private static String like(String s) {
		return s.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
