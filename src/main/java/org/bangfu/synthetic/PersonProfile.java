package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import static org.bangfu.registry.TemplateColumn.CATEGORIES;
import static org.bangfu.registry.TemplateColumn.DISABILITY_GRADE;
import static org.bangfu.registry.TemplateColumn.EMPLOYER;
import static org.bangfu.registry.TemplateColumn.EMPLOYMENT;
import static org.bangfu.registry.TemplateColumn.HEALTH;
import static org.bangfu.registry.TemplateColumn.MONTHLY_INCOME;
import static org.bangfu.registry.TemplateColumn.NAME;
import static org.bangfu.registry.TemplateColumn.RELATION;
import static org.bangfu.registry.TemplateColumn.SCHOOLING;
import static org.bangfu.registry.TemplateColumn.SEX;

import java.util.SplittableRandom;

/** The person-level columns of one row: employment by age, health, schooling, income, categories. */
final class PersonProfile {

	static final String[] GRADES = { "一级", "二级", "三级", "四级" };

	private static final String[] EMPLOYERS = { "市环卫所", "县人民医院", "物流公司", "建筑工地", "超市", "餐馆", "家政服务公司",
			"电子厂", "街道社区服务中心", "农业合作社", "物业公司", "服装厂" };

	private final String[] picked = new String[12];

	void fill(String[] c, Member m, int age, int householdSize, SplittableRandom rng) {
		c[NAME.ordinal()] = m.name;
		c[RELATION.ordinal()] = m.relation;
		c[SEX.ordinal()] = m.male ? "男" : "女";
		String health = health(rng);
		c[HEALTH.ordinal()] = health;
		if ("残疾".equals(health)) {
			int g = rng.nextInt(100);
			c[DISABILITY_GRADE.ordinal()] = GRADES[g < 10 ? 0 : (g < 35 ? 1 : (g < 65 ? 2 : 3))];
		}
		String employment = employment(age, health, rng);
		c[EMPLOYMENT.ordinal()] = employment;
		if ("在校".equals(employment)) {
			c[SCHOOLING.ordinal()] = schooling(age, rng);
		}
		if ("在岗".equals(employment)) {
			c[EMPLOYER.ordinal()] = EMPLOYERS[rng.nextInt(EMPLOYERS.length)];
		}
		c[MONTHLY_INCOME.ordinal()] = income(age, employment, rng);
		c[CATEGORIES.ordinal()] = categories(m, age, health, employment, householdSize, rng);
	}

	private static String health(SplittableRandom rng) {
		int u = rng.nextInt(100);
		return u < 75 ? "健康" : (u < 87 ? "慢性病" : (u < 93 ? "大病" : "残疾"));
	}

	private static String employment(int age, String health, SplittableRandom rng) {
		if (age < 6) {
			return "学龄前";
		}
		int u = rng.nextInt(100);
		if (age < 18) {
			return u < 96 ? "在校" : "无劳动能力";
		}
		if (age <= 22 && u < 55) {
			return "在校";
		}
		if (("大病".equals(health) || "残疾".equals(health)) && u < 50) {
			return "无劳动能力";
		}
		if (age >= 60) {
			return u < 55 ? "退休" : (u < 85 ? "无劳动能力" : "灵活就业");
		}
		return u < 38 ? "在岗" : (u < 65 ? "灵活就业" : (u < 80 ? "失业" : (u < 87 ? "下岗" : "无劳动能力")));
	}

	private static String schooling(int age, SplittableRandom rng) {
		if (age < 12) {
			return "小学";
		}
		if (age < 15) {
			return "初中";
		}
		if (age < 18) {
			return rng.nextInt(100) < 75 ? "高中" : "中职";
		}
		if (age < 22) {
			return rng.nextInt(100) < 45 ? "大专" : "本科";
		}
		return rng.nextInt(100) < 40 ? "研究生" : "本科";
	}

	private static String income(int age, String employment, SplittableRandom rng) {
		if (age < 18 || "在校".equals(employment) || "学龄前".equals(employment)) {
			return "";
		}
		int u = rng.nextInt(100);
		switch (employment) {
			case "在岗":
				return u < 5 ? "0" : Amounts.yuan(Amounts.fen(rng, 1800, 6000));
			case "灵活就业":
				return u < 30 ? "0" : Amounts.yuan(Amounts.fen(rng, 300, 3500));
			case "退休":
				return u < 35 ? "0" : Amounts.yuan(Amounts.fen(rng, 300, 4500));
			default:
				return u < 80 ? "0" : Amounts.yuan(Amounts.fen(rng, 300, 1200));
		}
	}

	private String categories(Member m, int age, String health, String employment, int size, SplittableRandom rng) {
		int n = 0;
		int u = rng.nextInt(100);
		if (u < 20) {
			this.picked[n++] = "低保";
		}
		else if (u < 28) {
			this.picked[n++] = "低保边缘";
		}
		else if (u < 31 && (age >= 60 || "残疾".equals(health))) {
			this.picked[n++] = "特困";
		}
		if (rng.nextInt(100) < 3) {
			this.picked[n++] = "支出型困难";
		}
		if (("在岗".equals(employment) || "下岗".equals(employment)) && rng.nextInt(100) < 6) {
			this.picked[n++] = "困难职工";
		}
		if (age < 18 && rng.nextInt(100) < 8) {
			this.picked[n++] = "困境儿童";
		}
		if (age >= 60 && size == 1 && rng.nextInt(100) < 60) {
			this.picked[n++] = "独居老人";
		}
		if (age >= 60 && size == 2 && (HouseholdComposer.HEAD.equals(m.relation) || "配偶".equals(m.relation))
				&& rng.nextInt(100) < 40) {
			this.picked[n++] = "空巢老人";
		}
		if ("残疾".equals(health) && rng.nextInt(100) < 85) {
			this.picked[n++] = "残疾人";
		}
		if (rng.nextInt(200) == 0) {
			this.picked[n++] = "优抚对象";
		}
		if (rng.nextInt(200) == 0) {
			this.picked[n++] = "军属";
		}
		return Amounts.join(rng, this.picked, n);
	}

}
