package org.bangfu.synthetic;

import java.time.LocalDate;

/** One person of a household while it is being generated. */
final class Member {

	final String relation;

	final boolean male;

	final LocalDate birth;

	final String name;

	Member(String relation, boolean male, LocalDate birth, String name) {
		this.relation = relation;
		this.male = male;
		this.birth = birth;
		this.name = name;
	}

	int age(LocalDate asOf) {
		return java.time.Period.between(this.birth, asOf).getYears();
	}

	int birthNumber() {
		return this.birth.getYear() * 10000 + this.birth.getMonthValue() * 100 + this.birth.getDayOfMonth();
	}

}
