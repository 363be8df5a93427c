package org.bangfu.programs;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A condition on one member, as the register records members: age on the cycle's pay date
 * (from, to inclusive), schooling levels, health states, a disability grade at most (1 is the
 * most severe), a disease named (any of the words), member categories (any). Empty parts
 * mean any.
 */
public record MemberCondition(@Min(value = 0, message = "{programs.member.age}") @Max(value = 150, message = "{programs.member.age}") Integer minAge,
		@Min(value = 0, message = "{programs.member.age}") @Max(value = 150, message = "{programs.member.age}") Integer maxAge,
		List<String> schooling, List<String> health,
		@Min(value = 1, message = "{programs.member.grade}") @Max(value = 4, message = "{programs.member.grade}") Integer maxDisabilityGrade,
		List<String> diseases, List<String> categories) {

	public static final MemberCondition ANY = new MemberCondition(null, null, List.of(), List.of(), null, List.of(), List.of());

	public List<String> schoolingOrEmpty() {
		return schooling == null ? List.of() : schooling;
	}

	public List<String> healthOrEmpty() {
		return health == null ? List.of() : health;
	}

	public List<String> diseasesOrEmpty() {
		return diseases == null ? List.of() : diseases;
	}

	public List<String> categoriesOrEmpty() {
		return categories == null ? List.of() : categories;
	}

	public boolean any() {
		return minAge == null && maxAge == null && schoolingOrEmpty().isEmpty() && healthOrEmpty().isEmpty()
				&& maxDisabilityGrade == null && diseasesOrEmpty().isEmpty() && categoriesOrEmpty().isEmpty();
	}

}
