package org.bangfu.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.IdNumber.Sex;
import org.bangfu.shared.Masking;
import org.bangfu.shared.Money;

/** A member as pages, the API and history snapshots show it: the ID number only masked. Incomes are monthly. */
public record MemberView(long id, String name, String idNumberMasked, LocalDate birthDate, Sex sex, Relation relation,
		String ethnicity, String maritalStatus, String hukouType, Employment employment, String employer, String phone,
		BigDecimal wage, BigDecimal businessIncome, BigDecimal propertyIncome, BigDecimal transferIncome,
		BigDecimal pension, Health health, String disease, String disabilityKind, Integer disabilityGrade,
		Schooling schooling, String school, String medicalInsurance, List<Category> categories) {

	/** Sum of the monthly income items. */
	public Money monthlyIncome() {
		return Money.of(wage).plus(Money.of(businessIncome))
			.plus(Money.of(propertyIncome))
			.plus(Money.of(transferIncome))
			.plus(Money.of(pension));
	}

	public int age(LocalDate on) {
		return Period.between(birthDate, on).getYears();
	}

	public boolean head() {
		return relation == Relation.HEAD;
	}

	/**
	 * The member as roles that may not see whole numbers see it (as in exports): phone masked, no
	 * disease and no kind of disability (the grade stays: it decides categories and subsidies, and
	 * exports carry it too).
	 */
	public MemberView masked() {
		return new MemberView(id, name, idNumberMasked, birthDate, sex, relation, ethnicity, maritalStatus, hukouType,
				employment, employer, Masking.phone(phone), wage, businessIncome, propertyIncome, transferIncome, pension,
				health, null, null, disabilityGrade, schooling, school, medicalInsurance, categories);
	}

	public String phoneMasked() {
		return Masking.phone(phone);
	}

}
