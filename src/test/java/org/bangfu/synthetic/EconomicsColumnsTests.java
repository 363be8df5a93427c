package org.bangfu.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bangfu.registry.TemplateColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional economics columns of the template, filled as of a month for the benchmark (--economics). */
class EconomicsColumnsTests {

	private static final Set<TemplateColumn> ECONOMICS = EnumSet.range(TemplateColumn.INCOME_YEAR,
			TemplateColumn.LUXURY_PURCHASE);

	@TempDir
	Path dir;

	@Test
	void economicsAsOfAMonthFillTheOptionalColumnsAndLeaveTheOthersAsTheyWere() throws Exception {
		YearMonth month = YearMonth.of(2026, 3);
		GeneratedFile plain = generate("plain.csv", null);
		GeneratedFile economics = generate("economics.csv", month);

		assertThat(economics.rows).hasSameSizeAs(plain.rows);
		for (int i = 0; i < plain.rows.size(); i++) {
			for (TemplateColumn c : TemplateColumn.values()) {
				if (ECONOMICS.contains(c)) {
					assertThat(plain.rows.get(i).get(c)).as("%s without --economics", c.header()).isNullOrEmpty();
				}
				else {
					assertThat(economics.rows.get(i).get(c)).as("%s of row %d", c.header(), i + 2)
						.isEqualTo(plain.rows.get(i).get(c));
				}
			}
		}
		List<GeneratedFile.Row> heads = economics.rows.stream().filter(GeneratedFile.Row::isHead).toList();
		assertThat(heads).allSatisfy(h -> {
			assertThat(h.get(TemplateColumn.INCOME_YEAR)).isEqualTo("2026");
			assertThat(h.get(TemplateColumn.INCOME_MONTH)).isEqualTo("2026-02");
			assertThat(h.get(TemplateColumn.SPENDING_YEAR)).isEqualTo("2026");
		});
		// every kind of figure occurs; sudden costs fall in the 12 months before the month, covered ≤ amount
		for (TemplateColumn c : List.of(TemplateColumn.ANNUAL_FARMING, TemplateColumn.ANNUAL_PENSION,
				TemplateColumn.MONTH_BUSINESS, TemplateColumn.MEDICAL_SPENDING, TemplateColumn.SCHOOLING_SPENDING,
				TemplateColumn.SUDDEN_COST_AMOUNT, TemplateColumn.VEHICLE_VALUE, TemplateColumn.EXTRA_HOMES)) {
			assertThat(economics.rows).as(c.header()).anySatisfy(r -> assertThat(r.get(c)).isNotEmpty());
		}
		heads.stream().filter(h -> !h.get(TemplateColumn.SUDDEN_COST_AMOUNT).isEmpty()).forEach(h -> {
			LocalDate on = LocalDate.parse(h.get(TemplateColumn.SUDDEN_COST_DATE));
			assertThat(on).isBefore(month.atDay(1)).isAfter(month.atDay(1).minusYears(1));
			assertThat(new java.math.BigDecimal(h.get(TemplateColumn.SUDDEN_COST_COVERED)))
				.isLessThanOrEqualTo(new java.math.BigDecimal(h.get(TemplateColumn.SUDDEN_COST_AMOUNT)));
		});
	}

	private GeneratedFile generate(String name, YearMonth month) throws Exception {
		Path out = this.dir.resolve(name);
		new HouseholdGenerator(
				new GeneratorOptions(500, 11, out, 0, StandardCharsets.UTF_8, null, GeneratorOptions.AS_OF, month))
			.generate();
		return GeneratedFile.read(out);
	}

}
