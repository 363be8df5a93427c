package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.localDates;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bangfu.synthetic.GeneratedFile.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every generated ID number is valid, matches the person and the household's county, and never repeats. */
class IdNumberTests {

	@TempDir
	static Path dir;

	static GeneratedFile file;

	@BeforeAll
	static void generate() throws Exception {
		file = GeneratedFile.read(GeneratedFile.generate(dir, "ids.csv", 50_000, 2024, 0, null, null).out());
	}

	@Test
	void everyIdNumberHasTheRightCheckCharAndARealBirthDate() {
		assertThat(file.rows).hasSizeGreaterThan(100_000);
		for (Row r : file.rows) {
			String id = r.get(TemplateColumn.ID_NUMBER);
			assertThat(TemplateRules.checkCharCorrect(id)).as(id).isTrue();
			assertThat(TemplateRules.birthDate(id)).as(id).isNotNull();
			assertThat(id.substring(14, 17)).as(id).isNotEqualTo("000");
		}
	}

	@Test
	void sexAgreesWithTheSequenceParityAndTheRegionIsTheHouseholdsCounty() {
		for (List<Row> household : file.households.values()) {
			String county = household.get(0).get(TemplateColumn.REGION_CODE).substring(0, 6);
			for (Row r : household) {
				String id = r.get(TemplateColumn.ID_NUMBER);
				assertThat(r.get(TemplateColumn.SEX)).as(id).isEqualTo(TemplateRules.maleById(id) ? "男" : "女");
				assertThat(id).startsWith(county);
			}
		}
	}

	@Test
	void noIdNumberRepeatsIn50000Households() {
		Set<String> ids = new HashSet<>();
		for (Row r : file.rows) {
			assertThat(ids.add(r.get(TemplateColumn.ID_NUMBER))).as(r.get(TemplateColumn.ID_NUMBER)).isTrue();
		}
		assertThat(ids).hasSize(file.rows.size());
	}

	@Test
	void noIdNumberRepeatsWhen50000HouseholdsCrowdIntoOneCounty() throws Exception {
		GeneratedFile crowded = GeneratedFile
			.read(GeneratedFile.generate(dir, "county.csv", 50_000, 2025, 0, null, "420102").out());
		Set<String> ids = new HashSet<>();
		for (Row r : crowded.rows) {
			assertThat(ids.add(r.get(TemplateColumn.ID_NUMBER))).as(r.get(TemplateColumn.ID_NUMBER)).isTrue();
			assertThat(TemplateRules.checkCharCorrect(r.get(TemplateColumn.ID_NUMBER))).isTrue();
		}
	}

	@Test
	void theCheckCharOfTheStandardsExampleIsX() {
		char[] id = new char[18];
		IdNumbers.fill(id, "110105", 19491231, 2);
		assertThat(new String(id)).isEqualTo("11010519491231002X");
	}

	@Test
	void anyRegionDateAndSequenceGiveANumberTheIndependentCheckAccepts() {
		qt().forAll(integers().between(110000, 659999), localDates().withDaysBetween(-25_000, 20_000),
				integers().between(1, 999))
			.checkAssert((region, date, seq) -> {
				char[] id = new char[18];
				IdNumbers.fill(id, Integer.toString(region), yyyymmdd(date), seq);
				String s = new String(id);
				assertThat(TemplateRules.checkCharCorrect(s)).as(s).isTrue();
				assertThat(s.substring(6, 14)).isEqualTo(date.toString().replace("-", ""));
			});
	}

	@Test
	void theUsedIdSetNeverForgetsAKeyWhileGrowing() {
		UsedIds used = new UsedIds();
		for (long k = 0; k < 300_000; k++) {
			assertThat(used.add(110105_19491231_000L + k * 7919)).isTrue();
		}
		for (long k = 0; k < 300_000; k += 997) {
			assertThat(used.add(110105_19491231_000L + k * 7919)).isFalse();
		}
		assertThat(used.size()).isEqualTo(300_000);
	}

	private static int yyyymmdd(LocalDate d) {
		return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
	}

}
