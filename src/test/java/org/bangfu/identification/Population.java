package org.bangfu.identification;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A generated population written straight into the register's tables (batched inserts, as a
 * bulk import would): varied sizes, ages, health, schooling, employment, causes, categories,
 * housing and assets, and many households exactly at, one fen below or one fen above the
 * lines the shipped rule sets use.
 */
@Component
public class Population {

	private static final String[] RELATIONS = { "SPOUSE", "SON", "DAUGHTER", "FATHER", "MOTHER", "GRANDSON" };

	private static final String[] EMPLOYMENT = { "EMPLOYED", "FLEXIBLE", "LAID_OFF", "UNEMPLOYED", "RETIRED", "UNABLE",
			"STUDENT", null };

	private static final String[] HEALTH = { "HEALTHY", "HEALTHY", "HEALTHY", "CHRONIC", "MAJOR_ILLNESS", "DISABLED" };

	private static final String[] SCHOOLING = { null, null, "PRESCHOOL", "PRIMARY", "JUNIOR", "SENIOR", "VOCATIONAL",
			"COLLEGE", "BACHELOR", "POSTGRADUATE" };

	private static final String[] CAUSES = { "ILLNESS", "DISABILITY", "SCHOOLING", "SINGLE_PARENT", "ACCIDENT",
			"UNEMPLOYMENT", "DISASTER", "HOUSING", "LACK_OF_LABOUR", "OTHER" };

	private static final String[] CATEGORIES = { "DIBAO", "DESTITUTE", "NEAR_DIBAO", "HARDSHIP_WORKER", "ORPHAN",
			"ELDERLY_ALONE", "DISABLED", "MILITARY_FAMILY" };

	private static final String[] HOUSING = { "OWN", "RENTED", "BORROWED", "NONE", null };

	/** Per-capita monthly incomes on and around the lines (dibao 300 and 320, twice, ×1.5, plan 4 and 21 per month). */
	private static final String[] PER_CAPITA = { "299.99", "300.00", "300.01", "319.99", "320.00", "320.01", "599.99",
			"600.00", "600.01", "449.99", "450.00", "450.01", "149.99", "150.00", "55.83", "72.08", "462.50", "0.00" };

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	private final org.bangfu.identification.internal.FactsTable facts;

	Population(JdbcTemplate jdbc, JdbcClient client, org.bangfu.identification.internal.FactsTable facts) {
		this.jdbc = jdbc;
		this.client = client;
		this.facts = facts;
	}

	/** Writes n households of the organisation spread over the regions; returns their ids. */
	public List<Long> generate(long organisationId, List<String> regions, int n, long seed, LocalDate today) {
		Random r = new Random(seed);
		List<Long> ids = new ArrayList<>();
		List<Object[]> members = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String region = regions.get(r.nextInt(regions.size()));
			List<String> secondary = new ArrayList<>();
			if (r.nextInt(3) == 0) {
				secondary.add(CAUSES[r.nextInt(CAUSES.length)]);
			}
			List<String> cats = new ArrayList<>();
			if (r.nextInt(4) == 0) {
				cats.add(CATEGORIES[r.nextInt(CATEGORIES.length)]);
			}
			String main = r.nextInt(5) == 0 ? null : CAUSES[r.nextInt(CAUSES.length)];
			secondary.remove(main);
			String housing = HOUSING[r.nextInt(HOUSING.length)];
			BigDecimal rent = "RENTED".equals(housing) ? money(r, 0, 20000) : (r.nextInt(6) == 0 ? BigDecimal.ZERO : null);
			BigDecimal savings = r.nextInt(8) == 0 ? new BigDecimal("50000.00") : r.nextInt(4) == 0 ? null : money(r, 0, 90000);
			long id = client.sql("""
					INSERT INTO registry_household (organisation_id, region_code, file_no, status, main_cause, secondary_causes,
					    categories, housing_type, floor_area, annual_rent, vehicles, savings, business, created_by, updated_by)
					VALUES (?, ?, ?, 'FILED', ?, CAST(? AS text[]), CAST(? AS text[]), ?, ?, ?, ?, ?, ?, 'test', 'test') RETURNING id""")
				.params(organisationId, region, "P" + seed + "-" + i + "-" + System.nanoTime() % 100000, main,
						secondary.toArray(String[]::new), cats.toArray(String[]::new), housing,
						r.nextBoolean() ? money(r, 10, 150) : null, rent, r.nextInt(5) == 0 ? 1 + r.nextInt(2) : 0, savings,
						r.nextInt(10) == 0 ? "小卖部" : null)
				.query(Long.class)
				.single();
			ids.add(id);
			int size = 1 + r.nextInt(5);
			BigDecimal perCapita = r.nextInt(3) == 0 ? money(r, 0, 3000) : new BigDecimal(PER_CAPITA[r.nextInt(PER_CAPITA.length)]);
			BigDecimal total = perCapita.multiply(BigDecimal.valueOf(size));
			if (size > 1 && r.nextInt(3) == 0 && total.signum() > 0) {
				// a fen off size × a line: the per-capita figure lies a fraction of a fen from it (899.99 ÷ 3 = 299.99666…)
				total = total.add(BigDecimal.valueOf(r.nextBoolean() ? 1 : -1, 2));
			}
			String hukou = r.nextInt(3) == 0 ? "农业" : r.nextInt(2) == 0 ? "非农业" : null;
			for (int m = 0; m < size; m++) {
				boolean head = m == 0;
				int age = head ? 25 + r.nextInt(60) : r.nextInt(90);
				LocalDate birth = today.minusYears(age).minusDays(r.nextInt(365));
				if (r.nextInt(15) == 0) {
					birth = today.minusYears(r.nextBoolean() ? 18 : 60);
				}
				String health = HEALTH[r.nextInt(HEALTH.length)];
				Integer grade = "DISABLED".equals(health) ? 1 + r.nextInt(4) : null;
				String schooling = age < 26 ? SCHOOLING[r.nextInt(SCHOOLING.length)] : null;
				BigDecimal wage;
				BigDecimal pension = BigDecimal.ZERO;
				if (r.nextBoolean()) {
					wage = head ? total : BigDecimal.ZERO;
				}
				else {
					wage = head ? total.subtract(new BigDecimal("0.00")) : BigDecimal.ZERO;
					if (head && total.compareTo(new BigDecimal("100")) > 0) {
						pension = new BigDecimal("100.00");
						wage = total.subtract(pension);
					}
				}
				String[] memberCats = r.nextInt(6) == 0 ? new String[] { CATEGORIES[r.nextInt(CATEGORIES.length)] } : new String[0];
				members.add(new Object[] { id, "成员" + m, String.format("%064d", i * 10L + m), "enc", "******", Date.valueOf(birth),
						r.nextBoolean() ? "M" : "F", head ? "HEAD" : RELATIONS[r.nextInt(RELATIONS.length)],
						head ? hukou : null, EMPLOYMENT[r.nextInt(EMPLOYMENT.length)], wage, pension, health, grade, schooling,
						memberCats });
			}
		}
		jdbc.batchUpdate("""
				INSERT INTO registry_member (household_id, name, id_number_hash, id_number_enc, id_number_masked, birth_date, sex,
				    relation, hukou_type, employment, income_wage, income_pension, health, disability_grade, schooling, categories)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", members.stream().map(row -> {
			Object[] copy = row.clone();
			copy[15] = new SqlArray((String[]) row[15]);
			return copy;
		}).toList());
		// Written around the register's façade (no events): bring the facts table up to date, as a bulk load must.
		facts.refresh(ids);
		return ids;
	}

	/** A text[] value for a batch insert. */
	record SqlArray(String[] values) implements org.springframework.jdbc.support.SqlValue {

		@Override
		public void setValue(java.sql.PreparedStatement ps, int index) throws java.sql.SQLException {
			ps.setArray(index, ps.getConnection().createArrayOf("text", values));
		}

		@Override
		public void cleanup() {
		}

	}

	private static BigDecimal money(Random r, int from, int to) {
		return BigDecimal.valueOf(from * 100L + r.nextInt((to - from) * 100 + 1), 2);
	}

}
