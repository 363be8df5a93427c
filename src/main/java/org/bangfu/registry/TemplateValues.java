package org.bangfu.registry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;

/**
 * The words the import template uses for the register's vocabularies ({@code formats/household-import.md}):
 * 户主 ↔ {@link Relation#HEAD}, 在岗 ↔ {@link Employment#EMPLOYED} … Fixed here, not taken from the
 * message bundles, so a changed label never breaks a file. Reading also accepts the English
 * constant names (HEAD, EMPLOYED …) in any case.
 */
public final class TemplateValues {

	/** Separators between the items of a list cell (人员类别, 致困原因). */
	public static final Pattern LIST_SEPARATORS = Pattern.compile("[、;；,，|]");

	/** 一级 … 四级 for disability grades 1 … 4. */
	public static final List<String> GRADES = List.of("一级", "二级", "三级", "四级");

	private static final Map<Class<?>, Map<String, Enum<?>>> READ = new HashMap<>();

	private static final Map<Enum<?>, String> WRITE = new HashMap<>();

	static {
		words(Relation.class, "户主", "配偶", "子", "女", "父亲", "母亲", "儿媳", "女婿", "孙子", "孙女", "兄弟姐妹", "其他");
		words(Employment.class, "在岗", "灵活就业", "下岗", "失业", "退休", "无劳动能力", "在校", "学龄前");
		words(Health.class, "健康", "慢性病", "大病", "残疾");
		words(Schooling.class, "学前", "小学", "初中", "高中", "中职", "大专", "本科", "研究生");
		words(HousingType.class, "自有", "租住", "借住", "无房");
		words(HardshipCause.class, "因病", "因残", "因学", "单亲", "意外事故", "失业", "灾害", "住房困难", "缺劳动力", "其他");
		words(Category.class, "低保", "特困", "低保边缘", "支出型困难", "困难职工", "困境儿童", "孤儿", "独居老人", "空巢老人", "残疾人",
				"优抚对象", "军属");
		words(org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind.class, "意外事故", "灾害", "突发重病");
		words(org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind.class, "小汽车", "货车", "摩托车", "农用车", "其他");
	}

	private TemplateValues() {
	}

	/** The value a template word (or constant name) stands for. */
	public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String word) {
		if (word == null || word.isBlank()) {
			return Optional.empty();
		}
		Enum<?> value = READ.get(type).get(word.strip());
		if (value == null) {
			value = READ.get(type).get(word.strip().toUpperCase(Locale.ROOT));
		}
		return Optional.ofNullable(type.cast(value));
	}

	/** The template word for a value (户主 for HEAD); empty for null. */
	public static String word(Enum<?> value) {
		return value == null ? "" : WRITE.get(value);
	}

	/** The template words of a vocabulary in order, e.g. for a hint. */
	public static <E extends Enum<E>> List<String> words(Class<E> type) {
		return java.util.Arrays.stream(type.getEnumConstants()).map(TemplateValues::word).toList();
	}

	private static <E extends Enum<E>> void words(Class<E> type, String... words) {
		E[] values = type.getEnumConstants();
		if (values.length != words.length) {
			throw new IllegalStateException("Template words do not match " + type.getSimpleName());
		}
		Map<String, Enum<?>> read = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			read.put(words[i], values[i]);
			read.put(values[i].name(), values[i]);
			WRITE.put(values[i], words[i]);
		}
		READ.put(type, read);
	}

}
