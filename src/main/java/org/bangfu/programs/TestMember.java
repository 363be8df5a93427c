package org.bangfu.programs;

import java.util.List;

/** A member of a test case's household: what member conditions read. Null parts are unknown (age 30, healthy). */
public record TestMember(String name, Integer age, String schooling, String health, Integer disabilityGrade, String disease,
		List<String> categories) {

	public int ageOrDefault() {
		return age == null ? 30 : age;
	}

	public String healthOrDefault() {
		return health == null ? "HEALTHY" : health;
	}

	public List<String> categoriesOrEmpty() {
		return categories == null ? List.of() : categories;
	}

}
