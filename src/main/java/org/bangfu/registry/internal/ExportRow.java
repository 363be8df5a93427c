package org.bangfu.registry.internal;

import java.math.BigDecimal;
import java.util.List;

import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.IdNumber.Sex;

/**
 * One person of an export with their household's facts. first marks the household's first row
 * (its head); only that row carries the household-level values (bank account decrypted only there).
 * ID number, bank account and phones are whole or masked as the export decided. The economics
 * columns: the member's yearly income items of incomeYear by kind, the household's spending of
 * spendingYear by kind (both last year, the import's default year); the rest in {@link ExportFigures}.
 */
public record ExportRow(long householdId, boolean first, String fileNo, String regionCode, HardshipCause mainCause,
		List<HardshipCause> secondaryCauses, HousingType housing, BigDecimal annualRent, int vehicles,
		BigDecimal savings, String bankName, String bankAccount, String householdPhone, String name, String idNumber,
		Relation relation, Sex sex, BigDecimal monthlyIncome, Employment employment, String employer, Health health,
		Integer disabilityGrade, Schooling schooling, List<Category> categories, String phone, int incomeYear,
		java.util.Map<org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind, BigDecimal> yearlyIncome,
		boolean householdHasYearlyIncome,
		java.util.Map<org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind, BigDecimal> spending,
		int spendingYear, ExportFigures figures) {
}
