package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.IdNumber.Sex;
import org.bangfu.shared.SpreadsheetText;
import org.junit.jupiter.api.Test;

/** The template's words (formats/household-import.md) both ways, and formula neutralisation both ways. */
class TemplateWordsTests {

	@Test
	void theWordsAreTheTemplatesInItsOrder() {
		assertThat(TemplateWords.all(Relation.class)).containsExactly("户主", "配偶", "子", "女", "父亲", "母亲", "儿媳", "女婿",
				"孙子", "孙女", "兄弟姐妹", "其他");
		assertThat(TemplateWords.all(Employment.class)).containsExactly("在岗", "灵活就业", "下岗", "失业", "退休", "无劳动能力",
				"在校", "学龄前");
		assertThat(TemplateWords.all(Health.class)).containsExactly("健康", "慢性病", "大病", "残疾");
		assertThat(TemplateWords.all(Schooling.class)).containsExactly("学前", "小学", "初中", "高中", "中职", "大专", "本科", "研究生");
		assertThat(TemplateWords.all(HousingType.class)).containsExactly("自有", "租住", "借住", "无房");
		assertThat(TemplateWords.all(HardshipCause.class)).containsExactly("因病", "因残", "因学", "单亲", "意外事故", "失业", "灾害",
				"住房困难", "缺劳动力", "其他");
		assertThat(TemplateWords.all(Category.class)).containsExactly("低保", "特困", "低保边缘", "支出型困难", "困难职工", "困境儿童",
				"孤儿", "独居老人", "空巢老人", "残疾人", "优抚对象", "军属");
		assertThat(TemplateWords.all(Sex.class)).containsExactly("男", "女");
	}

	@Test
	void everyWordParsesBackToItsValue() {
		for (Class<? extends Enum<?>> type : List.of(Relation.class, Employment.class, Health.class, Schooling.class,
				HousingType.class, HardshipCause.class, Category.class, Sex.class)) {
			for (Enum<?> value : type.getEnumConstants()) {
				Object parsed = parse(type, " " + TemplateWords.word(value) + " ").orElseThrow();
				assertThat(parsed).isEqualTo(value);
			}
		}
		assertThat(TemplateWords.parse(Relation.class, "儿子")).isEmpty();
		assertThat(TemplateWords.parseGrade("三级")).contains(3);
		assertThat(TemplateWords.grade(1)).isEqualTo("一级");
	}

	@Test
	void listsUseOneSeparatorAndAcceptAllOfTheTemplates() {
		assertThat(TemplateWords.words(List.of(Category.DIBAO, Category.ORPHAN))).isEqualTo("低保、孤儿");
		assertThat(TemplateWords.split("低保、孤儿;特困；残疾人,军属，空巢老人|独居老人 ")).containsExactly("低保", "孤儿", "特困",
				"残疾人", "军属", "空巢老人", "独居老人");
	}

	@Test
	void formulaNeutralisationIsUndoneExactly() {
		for (String risky : List.of("=1+1", "+86", "-5", "@SUM(A1)", "\tx", "\rx")) {
			assertThat(SpreadsheetText.neutralise(risky)).isEqualTo("'" + risky);
			assertThat(SpreadsheetText.restore(SpreadsheetText.neutralise(risky))).isEqualTo(risky);
		}
		assertThat(SpreadsheetText.neutralise("张三")).isEqualTo("张三");
		assertThat(SpreadsheetText.restore("'张三")).isEqualTo("'张三");
		assertThat(SpreadsheetText.neutralise(null)).isNull();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static java.util.Optional<?> parse(Class type, String word) {
		return TemplateWords.parse(type, word);
	}

}
