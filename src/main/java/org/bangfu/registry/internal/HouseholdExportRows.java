package org.bangfu.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.IdNumber.Sex;
import org.bangfu.shared.Masking;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The people of the households a search finds, one row each, household by household (in the
 * search's order, head first), read through a server-side cursor ({@value #FETCH_SIZE} rows a
 * round trip) so no result is ever held whole. Callers run it inside a transaction (PostgreSQL
 * only streams with auto-commit off).
 */
@Repository
public class HouseholdExportRows {

	static final int FETCH_SIZE = 1000;

	private final JdbcClient streaming;

	private final HouseholdSearch search;

	private final PersonalDataCipher cipher;

	private final org.bangfu.shared.BusinessClock clock;

	HouseholdExportRows(DataSource dataSource, HouseholdSearch search, PersonalDataCipher cipher,
			org.bangfu.shared.BusinessClock clock) {
		this.clock = clock;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.streaming = JdbcClient.create(template);
		this.search = search;
		this.cipher = cipher;
	}

	/** A validated selection (a malformed filter fails here, naming its field); nothing is read yet. */
	public Selection select(Scope scope, HouseholdQuery query) {
		return new Selection(search.criteria(scope, query), query);
	}

	/** The rows of a selection, handed one by one to a consumer. */
	public final class Selection {

		private final HouseholdSearch.Criteria criteria;

		private final HouseholdQuery query;

		private Selection(HouseholdSearch.Criteria criteria, HouseholdQuery query) {
			this.criteria = criteria;
			this.query = query;
		}

		/**
		 * How many households the selection holds, counted up to {@code cap} (the answer is at most
		 * {@code cap}): enough to tell a small export from one that must run as a job.
		 */
		public long countUpTo(long cap) {
			return streaming.sql("SELECT count(*) FROM (SELECT 1 FROM registry_household h JOIN organisation o ON o.id = h.organisation_id WHERE "
					+ criteria.sql() + " LIMIT :countCap) x")
				.params(criteria.params())
				.param("countCap", cap)
				.query(Long.class)
				.single();
		}

		/** Streams the rows; whole (decrypted) ID numbers, accounts and phones when full, masked ones otherwise. */
		public void forEach(boolean full, Consumer<ExportRow> consumer) {
			boolean byHead = "headName".equals(query.sortOrDefault());
			String sql = """
					SELECT h.id AS household_id, h.file_no, h.region_code, h.main_cause, h.secondary_causes,
					       h.housing_type, h.annual_rent, h.vehicles, h.savings, h.bank_name, h.bank_account_masked,
					       h.bank_account_enc, h.phone AS household_phone, m.name, m.id_number_masked, m.id_number_enc,
					       m.relation, m.sex,
					       m.income_wage + m.income_business + m.income_property + m.income_transfer + m.income_pension
					           AS monthly_income,
					       m.employment, m.employer, m.health, m.disability_grade, m.schooling, m.categories, m.phone,
					       yi.kinds AS yearly_kinds, yi.amounts AS yearly_amounts, yh.any AS household_yearly,
					       sp.kinds AS spending_kinds, sp.amounts AS spending_amounts,
					       hm.month AS income_month, mi.kinds AS monthly_kinds, mi.amounts AS monthly_amounts,
					       sc.kind AS cost_kind, sc.occurred_on AS cost_date, sc.amount AS cost_amount, sc.covered AS cost_covered,
					       ast.as_of AS assets_as_of, ast.vehicle_kind, ast.vehicle_kinds, ast.vehicle_value, ast.vehicles_n,
					       ast.extra_homes, ast.businesses, ast.luxury, ast.luxury_n
					FROM registry_household h
					JOIN organisation o ON o.id = h.organisation_id
					JOIN registry_member m ON m.household_id = h.id AND m.active
					LEFT JOIN LATERAL (SELECT array_agg(x.kind ORDER BY x.kind) AS kinds, array_agg(x.amount ORDER BY x.kind) AS amounts
					                   FROM registry_income_item x WHERE x.member_id = m.id AND x.retired_at IS NULL AND x.period = 'YEAR'
					                     AND x.period_start = make_date(:exportYear, 1, 1)) yi ON TRUE
					LEFT JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM registry_income_item x WHERE x.household_id = h.id
					                     AND x.retired_at IS NULL AND x.period = 'YEAR' AND x.period_start = make_date(:exportYear, 1, 1)) AS any) yh ON TRUE
					LEFT JOIN LATERAL (SELECT array_agg(x.kind ORDER BY x.kind) AS kinds, array_agg(x.total ORDER BY x.kind) AS amounts
					                   FROM (SELECT s.kind, sum(s.amount) AS total FROM registry_spending s WHERE s.household_id = h.id
					                         AND s.retired_at IS NULL AND s.year = :exportYear AND s.kind <> 'RENT' GROUP BY s.kind) x) sp ON TRUE
					LEFT JOIN LATERAL (SELECT max(x.period_start) AS month FROM registry_income_item x WHERE x.household_id = h.id
					                     AND x.retired_at IS NULL AND x.period = 'MONTH' AND NOT x.mirrored) hm ON TRUE
					LEFT JOIN LATERAL (SELECT array_agg(x.kind ORDER BY x.kind) AS kinds, array_agg(x.amount ORDER BY x.kind) AS amounts
					                   FROM registry_income_item x WHERE x.member_id = m.id AND x.retired_at IS NULL AND x.period = 'MONTH'
					                     AND x.period_start = hm.month) mi ON TRUE
					LEFT JOIN LATERAL (SELECT x.kind, x.occurred_on, sum(x.amount) AS amount, sum(x.covered) AS covered
					                   FROM registry_sudden_cost x WHERE x.household_id = h.id AND x.retired_at IS NULL
					                   GROUP BY x.kind, x.occurred_on ORDER BY x.occurred_on DESC, x.kind LIMIT 1) sc ON TRUE
					LEFT JOIN LATERAL (SELECT max(x.as_of) FILTER (WHERE x.kind <> 'SAVINGS') AS as_of,
					                          min(x.vehicle_kind) AS vehicle_kind, count(DISTINCT x.vehicle_kind) AS vehicle_kinds,
					                          coalesce(sum(x.value) FILTER (WHERE x.kind = 'VEHICLE'), 0) AS vehicle_value,
					                          count(*) FILTER (WHERE x.kind = 'VEHICLE') AS vehicles_n,
					                          count(*) FILTER (WHERE x.kind = 'EXTRA_HOME') AS extra_homes,
					                          count(*) FILTER (WHERE x.kind = 'BUSINESS') AS businesses,
					                          coalesce(sum(x.value) FILTER (WHERE x.kind = 'LUXURY_PURCHASE'), 0) AS luxury,
					                          count(*) FILTER (WHERE x.kind = 'LUXURY_PURCHASE') AS luxury_n
					                   FROM registry_asset x WHERE x.household_id = h.id AND x.retired_at IS NULL) ast ON TRUE
					""" + (byHead ? "LEFT JOIN registry_member hm ON hm.household_id = h.id AND hm.relation = 'HEAD' AND hm.active\n" : "")
					+ "WHERE " + criteria.sql() + " ORDER BY " + HouseholdSearch.ORDER.get(query.sortOrDefault())
					+ (query.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST")
					+ ", h.id, (m.relation = 'HEAD') DESC, m.birth_date, m.id";
			long[] last = { -1 };
			Map<String, Object> params = new java.util.HashMap<>(criteria.params());
			params.put("exportYear", clock.today().getYear() - 1);
			streaming.sql(sql).params(params).query((RowCallbackHandler) rs -> {
				long household = rs.getLong("household_id");
				boolean first = household != last[0];
				last[0] = household;
				consumer.accept(map(rs, household, first, full));
			});
		}

	}

	private ExportRow map(ResultSet rs, long household, boolean first, boolean full) throws SQLException {
		String account = null;
		if (first) {
			String enc = rs.getString("bank_account_enc");
			account = full && enc != null ? cipher.decrypt(enc) : rs.getString("bank_account_masked");
		}
		String householdPhone = rs.getString("household_phone");
		String phone = rs.getString("phone");
		return new ExportRow(household, first, rs.getString("file_no"), rs.getString("region_code"),
				Rows.enumOf(HardshipCause.class, rs.getString("main_cause")),
				Rows.enums(HardshipCause.class, rs, "secondary_causes"),
				Rows.enumOf(HousingType.class, rs.getString("housing_type")), rs.getBigDecimal("annual_rent"),
				rs.getInt("vehicles"), rs.getBigDecimal("savings"), rs.getString("bank_name"), account,
				full ? householdPhone : Masking.phone(householdPhone), rs.getString("name"),
				full ? cipher.decrypt(rs.getString("id_number_enc")) : rs.getString("id_number_masked"),
				Relation.valueOf(rs.getString("relation")), Sex.valueOf(rs.getString("sex")),
				rs.getBigDecimal("monthly_income"), Rows.enumOf(Employment.class, rs.getString("employment")),
				rs.getString("employer"), Health.valueOf(rs.getString("health")), Rows.integer(rs, "disability_grade"),
				Rows.enumOf(Schooling.class, rs.getString("schooling")), Rows.enums(Category.class, rs, "categories"),
				full ? phone : Masking.phone(phone), clock.today().getYear() - 1,
				byKind(org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind.class, rs, "yearly"),
				rs.getBoolean("household_yearly"),
				byKind(org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind.class, rs, "spending"),
				clock.today().getYear() - 1, figures(rs));
	}

	private static ExportFigures figures(ResultSet rs) throws SQLException {
		java.sql.Date month = rs.getDate("income_month");
		java.sql.Date costDate = rs.getDate("cost_date");
		java.sql.Date assetsAsOf = rs.getDate("assets_as_of");
		String costKind = rs.getString("cost_kind");
		String vehicleKind = rs.getInt("vehicle_kinds") == 1 ? rs.getString("vehicle_kind") : null;
		int extraHomes = rs.getInt("extra_homes");
		int businesses = rs.getInt("businesses");
		return new ExportFigures(month == null ? null : java.time.YearMonth.from(month.toLocalDate()),
				byKind(org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind.class, rs, "monthly"),
				costKind == null ? null : org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind.valueOf(costKind),
				costDate == null ? null : costDate.toLocalDate(), rs.getBigDecimal("cost_amount"), rs.getBigDecimal("cost_covered"),
				assetsAsOf == null ? null : assetsAsOf.toLocalDate(),
				vehicleKind == null ? null : org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind.valueOf(vehicleKind),
				rs.getInt("vehicles_n") > 0 ? rs.getBigDecimal("vehicle_value") : null, extraHomes > 0 ? extraHomes : null,
				businesses > 0 ? businesses : null, rs.getInt("luxury_n") > 0 ? rs.getBigDecimal("luxury") : null);
	}

	private static <E extends Enum<E>> Map<E, java.math.BigDecimal> byKind(Class<E> type, ResultSet rs, String prefix)
			throws SQLException {
		Map<E, java.math.BigDecimal> out = new java.util.EnumMap<>(type);
		java.sql.Array kinds = rs.getArray(prefix + "_kinds");
		java.sql.Array amounts = rs.getArray(prefix + "_amounts");
		if (kinds != null && amounts != null) {
			String[] k = (String[]) kinds.getArray();
			java.math.BigDecimal[] a = (java.math.BigDecimal[]) amounts.getArray();
			for (int i = 0; i < k.length; i++) {
				out.put(Enum.valueOf(type, k[i]), a[i]);
			}
		}
		return out;
	}

}
