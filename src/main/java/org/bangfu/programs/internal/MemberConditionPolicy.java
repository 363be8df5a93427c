package org.bangfu.programs.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.programs.MemberCondition;
import org.bangfu.programs.TestMember;
import org.bangfu.registry.Vocabulary;
import org.bangfu.shared.BangfuException;

/**
 * A member condition checked, written as SQL over {@code registry_member m} (ages on the bound
 * {@code :payDate}) and evaluated for a test case's member: both read the same way. Values are
 * from the register's vocabularies (checked), numbers, and disease words without quotes or
 * wildcards, so the SQL never carries user text that could change its meaning.
 */
public final class MemberConditionPolicy {

	private static final Set<String> SCHOOLING = names(Vocabulary.Schooling.values());

	private static final Set<String> HEALTH = names(Vocabulary.Health.values());

	private static final Set<String> CATEGORIES = names(Vocabulary.Category.values());

	private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[^'\"\\\\%_]{1,40}");

	/** Who counts as a special member (+x % where the program says so): severe disability, major illness, a student, 60 or older. */
	static final String SPECIAL_SQL = "(m.disability_grade IN (1, 2) OR m.health = 'MAJOR_ILLNESS' OR m.schooling IN ('PRIMARY', "
			+ "'JUNIOR', 'SENIOR', 'VOCATIONAL', 'COLLEGE', 'BACHELOR', 'POSTGRADUATE') OR m.birth_date <= (CAST(:payDate AS date) - interval '60 years'))";

	private MemberConditionPolicy() {
	}

	/** Fails on the field with a message key when a value is not one the register uses. */
	public static void check(String field, MemberCondition c) {
		if (c == null) {
			return;
		}
		if (c.minAge() != null && c.maxAge() != null && c.minAge() > c.maxAge()) {
			throw BangfuException.badField(field, "programs.member.ageOrder", c.minAge(), c.maxAge());
		}
		known(field, c.schoolingOrEmpty(), SCHOOLING);
		known(field, c.healthOrEmpty(), HEALTH);
		known(field, c.categoriesOrEmpty(), CATEGORIES);
		for (String d : c.diseasesOrEmpty()) {
			if (d == null || !WORD.matcher(d.strip()).matches()) {
				throw BangfuException.badField(field, "programs.member.disease", d);
			}
		}
	}

	private static void known(String field, List<String> values, Set<String> allowed) {
		for (String v : values) {
			if (!allowed.contains(v)) {
				throw BangfuException.badField(field, "programs.member.unknownValue", v);
			}
		}
	}

	/** SQL over {@code m}; TRUE for any member. */
	public static String sql(MemberCondition c) {
		if (c == null || c.any()) {
			return "TRUE";
		}
		List<String> parts = new ArrayList<>();
		if (c.minAge() != null) {
			parts.add("m.birth_date <= (CAST(:payDate AS date) - interval '" + c.minAge() + " years')");
		}
		if (c.maxAge() != null) {
			parts.add("m.birth_date > (CAST(:payDate AS date) - interval '" + (c.maxAge() + 1) + " years')");
		}
		if (!c.schoolingOrEmpty().isEmpty()) {
			parts.add("m.schooling IN (" + quoted(c.schoolingOrEmpty()) + ")");
		}
		if (!c.healthOrEmpty().isEmpty()) {
			parts.add("m.health IN (" + quoted(c.healthOrEmpty()) + ")");
		}
		if (c.maxDisabilityGrade() != null) {
			parts.add("m.disability_grade <= " + c.maxDisabilityGrade());
		}
		if (!c.diseasesOrEmpty().isEmpty()) {
			parts.add("(" + c.diseasesOrEmpty().stream().map(d -> "m.disease LIKE '%" + d.strip() + "%'")
				.collect(Collectors.joining(" OR ")) + ")");
		}
		if (!c.categoriesOrEmpty().isEmpty()) {
			parts.add("m.categories && ARRAY[" + quoted(c.categoriesOrEmpty()) + "]::text[]");
		}
		return "(" + String.join(" AND ", parts) + ")";
	}

	/** The same condition for a test case's member. */
	public static boolean test(MemberCondition c, TestMember m) {
		if (c == null || c.any()) {
			return true;
		}
		int age = m.ageOrDefault();
		if (c.minAge() != null && age < c.minAge()) {
			return false;
		}
		if (c.maxAge() != null && age > c.maxAge()) {
			return false;
		}
		if (!c.schoolingOrEmpty().isEmpty() && (m.schooling() == null || !c.schoolingOrEmpty().contains(m.schooling()))) {
			return false;
		}
		if (!c.healthOrEmpty().isEmpty() && !c.healthOrEmpty().contains(m.healthOrDefault())) {
			return false;
		}
		if (c.maxDisabilityGrade() != null && (m.disabilityGrade() == null || m.disabilityGrade() > c.maxDisabilityGrade())) {
			return false;
		}
		if (!c.diseasesOrEmpty().isEmpty()
				&& (m.disease() == null || c.diseasesOrEmpty().stream().noneMatch(d -> m.disease().contains(d.strip())))) {
			return false;
		}
		return c.categoriesOrEmpty().isEmpty() || m.categoriesOrEmpty().stream().anyMatch(c.categoriesOrEmpty()::contains);
	}

	/** Whether a test member is special (see {@link #SPECIAL_SQL}). */
	public static boolean special(TestMember m) {
		Integer g = m.disabilityGrade();
		return (g != null && g <= 2) || "MAJOR_ILLNESS".equals(m.healthOrDefault())
				|| (m.schooling() != null && !"PRESCHOOL".equals(m.schooling())) || m.ageOrDefault() >= 60;
	}

	private static String quoted(List<String> values) {
		return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
	}

}
