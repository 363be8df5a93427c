package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.synthetic.GeneratedFile.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Households look like real ones: one head, plausible relations and ages, values from the template's vocabularies. */
class HouseholdShapeTests {

	@TempDir
	static Path dir;

	static GeneratedFile file;

	@BeforeAll
	static void generate() throws Exception {
		file = GeneratedFile.read(GeneratedFile.generate(dir, "shape.csv", 20_000, 77, 0, null, null).out());
	}

	@Test
	void theFileHasEveryTemplateHeaderAndSequentialHouseholdRefs() {
		assertThat(file.header).containsExactly(TemplateColumn.headers());
		assertThat(file.households).hasSize(20_000).containsKeys("H00000001", "H00020000");
	}

	@Test
	void everyHouseholdHasExactlyOneHeadOnItsFirstRow() {
		for (List<Row> household : file.households.values()) {
			assertThat(household.stream().filter(Row::isHead)).hasSize(1);
			assertThat(household.get(0).isHead()).isTrue();
		}
	}

	@Test
	void householdLevelColumnsAndThePhoneAreOnlyOnTheHeadRow() {
		for (Row r : file.rows) {
			for (TemplateColumn c : TemplateColumn.values()) {
				if (c == TemplateColumn.HOUSEHOLD_REF) {
					assertThat(r.get(c)).isNotEmpty();
				}
				else if (c.householdLevel() || c == TemplateColumn.PHONE) {
					if (!r.isHead()) {
						assertThat(r.get(c)).as(r.number() + " " + c).isEmpty();
					}
				}
			}
			if (r.isHead()) {
				assertThat(r.get(TemplateColumn.REGION_CODE)).matches("\\d{9}");
				assertThat(r.get(TemplateColumn.PHONE)).matches("1[358]\\d{9}");
				assertThat(r.get(TemplateColumn.BANK_ACCOUNT)).matches("\\d{12,30}");
				assertThat(r.get(TemplateColumn.HOUSING)).isNotEmpty();
				assertThat(r.get(TemplateColumn.ANNUAL_RENT).isEmpty()).isEqualTo(!r.get(TemplateColumn.HOUSING).equals("租住"));
			}
		}
	}

	@Test
	void birthDatesAgreeWithRelations() {
		for (List<Row> household : file.households.values()) {
			LocalDate head = birth(household.get(0));
			assertThat(years(head, GeneratorOptions.AS_OF)).isBetween(25, 85);
			for (Row r : household.subList(1, household.size())) {
				LocalDate b = birth(r);
				assertThat(b).isBefore(GeneratorOptions.AS_OF);
				String rel = r.get(TemplateColumn.RELATION);
				String what = r.number() + " " + rel;
				switch (rel) {
					case "配偶" -> {
						assertThat(Math.abs(years(head, b))).as(what).isLessThanOrEqualTo(10);
						assertThat(r.get(TemplateColumn.SEX)).as(what).isNotEqualTo(household.get(0).get(TemplateColumn.SEX));
						assertThat(years(b, GeneratorOptions.AS_OF)).as(what).isGreaterThanOrEqualTo(20);
					}
					case "子", "女" -> assertThat(years(head, b)).as(what).isBetween(20, 40);
					case "父亲", "母亲" -> assertThat(years(b, head)).as(what).isBetween(20, 35);
					case "孙子", "孙女" -> assertThat(years(head, b)).as(what).isBetween(40, 70);
					case "儿媳" -> assertThat(years(b, GeneratorOptions.AS_OF)).as(what).isGreaterThanOrEqualTo(18);
					default -> throw new AssertionError("unexpected relation " + what);
				}
				assertThat(r.get(TemplateColumn.SEX)).as(what)
					.isEqualTo(Set.of("子", "父亲", "孙子").contains(rel) ? "男"
							: Set.of("女", "母亲", "孙女", "儿媳").contains(rel) ? "女" : r.get(TemplateColumn.SEX));
			}
		}
	}

	@Test
	void employmentSchoolingAndIncomeFitTheAge() {
		for (Row r : file.rows) {
			int age = years(birth(r), GeneratorOptions.AS_OF);
			String employment = r.get(TemplateColumn.EMPLOYMENT);
			String what = r.number() + " age " + age + " " + employment;
			assertThat(employment.equals("学龄前")).as(what).isEqualTo(age < 6);
			if (employment.equals("在校")) {
				assertThat(age).as(what).isBetween(6, 22);
			}
			if (employment.equals("退休")) {
				assertThat(age).as(what).isGreaterThanOrEqualTo(60);
			}
			assertThat(r.get(TemplateColumn.SCHOOLING).isEmpty()).as(what).isEqualTo(!employment.equals("在校"));
			assertThat(r.get(TemplateColumn.EMPLOYER).isEmpty()).as(what).isEqualTo(!employment.equals("在岗"));
			assertThat(r.get(TemplateColumn.DISABILITY_GRADE).isEmpty()).isEqualTo(!r.get(TemplateColumn.HEALTH).equals("残疾"));
			if (age < 18) {
				assertThat(r.get(TemplateColumn.MONTHLY_INCOME)).as(what).isEmpty();
			}
			else if (!r.get(TemplateColumn.MONTHLY_INCOME).isEmpty() && !r.get(TemplateColumn.MONTHLY_INCOME).equals("0")) {
				assertThat(new java.math.BigDecimal(r.get(TemplateColumn.MONTHLY_INCOME))).as(what)
					.isBetween(new java.math.BigDecimal("300.00"), new java.math.BigDecimal("6000.00"));
			}
		}
	}

	@Test
	void valuesComeFromTheTemplatesVocabularies() {
		Map<TemplateColumn, Set<String>> vocabularies = Map.of(TemplateColumn.RELATION,
				Set.of("户主", "配偶", "子", "女", "父亲", "母亲", "儿媳", "女婿", "孙子", "孙女", "兄弟姐妹", "其他"),
				TemplateColumn.EMPLOYMENT, Set.of("在岗", "灵活就业", "下岗", "失业", "退休", "无劳动能力", "在校", "学龄前"),
				TemplateColumn.HEALTH, Set.of("健康", "慢性病", "大病", "残疾"), TemplateColumn.DISABILITY_GRADE,
				Set.of("", "一级", "二级", "三级", "四级"), TemplateColumn.SCHOOLING,
				Set.of("", "学前", "小学", "初中", "高中", "中职", "大专", "本科", "研究生"), TemplateColumn.HOUSING,
				Set.of("", "自有", "租住", "借住", "无房"), TemplateColumn.CATEGORIES,
				Set.of("", "低保", "特困", "低保边缘", "支出型困难", "困难职工", "困境儿童", "孤儿", "独居老人", "空巢老人", "残疾人", "优抚对象", "军属"),
				TemplateColumn.HARDSHIP_CAUSES,
				Set.of("", "因病", "因残", "因学", "单亲", "意外事故", "失业", "灾害", "住房困难", "缺劳动力", "其他"));
		for (Row r : file.rows) {
			vocabularies.forEach((c, allowed) -> {
				for (String v : r.get(c).split("[、;；,，|]")) {
					assertThat(allowed).as(r.number() + " " + c).contains(v);
				}
			});
		}
	}

	@Test
	void sizesHealthAndIncomesFollowTheIntendedFrequencies() {
		Map<Integer, Long> sizes = file.households.values().stream()
			.collect(Collectors.groupingBy(h -> Math.min(h.size(), 6), Collectors.counting()));
		double n = file.households.size();
		assertThat(sizes.get(1) / n).isCloseTo(0.15, org.assertj.core.data.Offset.offset(0.02));
		assertThat(sizes.get(2) / n).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.02));
		assertThat(sizes.get(3) / n).isCloseTo(0.30, org.assertj.core.data.Offset.offset(0.02));
		assertThat(sizes.get(4) / n).isCloseTo(0.18, org.assertj.core.data.Offset.offset(0.02));
		assertThat(sizes.get(5) / n).isCloseTo(0.08, org.assertj.core.data.Offset.offset(0.02));
		assertThat(sizes.get(6) / n).isCloseTo(0.04, org.assertj.core.data.Offset.offset(0.02));
		Map<String, Long> health = file.rows.stream()
			.collect(Collectors.groupingBy(r -> r.get(TemplateColumn.HEALTH), Collectors.counting()));
		assertThat(health.get("健康") / (double) file.rows.size()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.02));
		assertThat(health.get("残疾") / (double) file.rows.size()).isCloseTo(0.07, org.assertj.core.data.Offset.offset(0.02));
		List<Row> adults = file.rows.stream().filter(r -> years(birth(r), GeneratorOptions.AS_OF) >= 18).toList();
		long zero = adults.stream().filter(r -> Set.of("", "0").contains(r.get(TemplateColumn.MONTHLY_INCOME))).count();
		System.out.println("adults with no income: " + zero * 100 / adults.size() + "%");
		assertThat(zero / (double) adults.size()).isBetween(0.35, 0.55);
	}

	private static LocalDate birth(Row r) {
		return TemplateRules.birthDate(r.get(TemplateColumn.ID_NUMBER));
	}

	/** Whole years from a to b (negative when b is before a). */
	private static int years(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? -Period.between(b, a).getYears() : Period.between(a, b).getYears();
	}

}
