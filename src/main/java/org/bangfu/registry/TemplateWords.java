package org.bangfu.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
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
import org.bangfu.shared.IdNumber.Sex;

/**
 * The Chinese words of the import template ({@code formats/household-import.md}) for the
 * register's vocabularies, both ways. These are fixed by the template, whatever language the
 * user reads the pages in, so an export can be imported again.
 */
public final class TemplateWords {

	/** What Bangfu writes between the items of a list cell (人员类别, 致困原因). */
	public static final String SEPARATOR = "、";

	/** What the template accepts between items: 、 ; ； , ， or |. */
	public static final Pattern SEPARATORS = Pattern.compile("[、;；,，|]");

	private static final Map<Class<?>, Map<? extends Enum<?>, String>> WORDS = new HashMap<>();

	private static final Map<Class<?>, Map<String, ? extends Enum<?>>> VALUES = new HashMap<>();

	private static final List<String> GRADES = List.of("一级", "二级", "三级", "四级");

	static {
		define(Relation.class, "户主", "配偶", "子", "女", "父亲", "母亲", "儿媳", "女婿", "孙子", "孙女", "兄弟姐妹", "其他");
		define(Sex.class, "男", "女");
		define(Employment.class, "在岗", "灵活就业", "下岗", "失业", "退休", "无劳动能力", "在校", "学龄前");
		define(Health.class, "健康", "慢性病", "大病", "残疾");
		define(Schooling.class, "学前", "小学", "初中", "高中", "中职", "大专", "本科", "研究生");
		define(HousingType.class, "自有", "租住", "借住", "无房");
		define(HardshipCause.class, "因病", "因残", "因学", "单亲", "意外事故", "失业", "灾害", "住房困难", "缺劳动力", "其他");
		define(Category.class, "低保", "特困", "低保边缘", "支出型困难", "困难职工", "困境儿童", "孤儿", "独居老人", "空巢老人", "残疾人",
				"优抚对象", "军属");
		define(org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind.class, "意外事故", "灾害", "突发重病");
		define(org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind.class, "小汽车", "货车", "摩托车", "农用车", "其他");
	}

	private TemplateWords() {
	}

	private static <E extends Enum<E>> void define(Class<E> type, String... words) {
		E[] constants = type.getEnumConstants();
		if (constants.length != words.length) {
			throw new IllegalStateException("Template words do not match " + type.getSimpleName());
		}
		Map<E, String> out = new EnumMap<>(type);
		Map<String, E> in = new HashMap<>();
		for (int i = 0; i < words.length; i++) {
			out.put(constants[i], words[i]);
			in.put(words[i], constants[i]);
		}
		WORDS.put(type, out);
		VALUES.put(type, in);
	}

	/** The template word of a value (户主, 在岗, 因病 …); "" for null. */
	public static String word(Enum<?> value) {
		return value == null ? "" : WORDS.get(value.getDeclaringClass()).get(value);
	}

	/** The template words of the values joined by {@link #SEPARATOR}; "" for none. */
	public static String words(Collection<? extends Enum<?>> values) {
		if (values == null || values.isEmpty()) {
			return "";
		}
		List<String> out = new ArrayList<>(values.size());
		for (Enum<?> v : values) {
			if (v != null) {
				out.add(word(v));
			}
		}
		return String.join(SEPARATOR, out);
	}

	/** The value a template word names (surrounding spaces ignored). */
	@SuppressWarnings("unchecked")
	public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String word) {
		if (word == null) {
			return Optional.empty();
		}
		return Optional.ofNullable((E) VALUES.get(type).get(word.strip()));
	}

	/** The items of a list cell, split at any accepted separator, trimmed, empty items dropped. */
	public static List<String> split(String cell) {
		List<String> out = new ArrayList<>();
		if (cell == null) {
			return out;
		}
		for (String part : SEPARATORS.split(cell)) {
			if (!part.isBlank()) {
				out.add(part.strip());
			}
		}
		return out;
	}

	/** 一级 … 四级 for a disability grade 1–4; "" for null. */
	public static String grade(Integer grade) {
		return grade == null || grade < 1 || grade > 4 ? "" : GRADES.get(grade - 1);
	}

	/** The grade (1–4) a template word names. */
	public static Optional<Integer> parseGrade(String word) {
		int i = word == null ? -1 : GRADES.indexOf(word.strip());
		return i < 0 ? Optional.empty() : Optional.of(i + 1);
	}

	/** All words of a vocabulary in template order (for messages that list what is allowed). */
	public static <E extends Enum<E>> List<String> all(Class<E> type) {
		List<String> out = new ArrayList<>();
		for (E e : type.getEnumConstants()) {
			out.add(word(e));
		}
		return out;
	}

}
