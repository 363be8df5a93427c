package org.bangfu.registry.importing;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.platform.sheets.SheetRow;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.shared.IdNumber;

/**
 * One household of the file (its 户编号 and rows) on its way in: the problems found, and once it
 * passed every check the facts to write. It goes in whole or not at all.
 */
final class Candidate {

	final String ref;

	final List<SheetRow> rows;

	final List<RowProblem> errors = new ArrayList<>();

	final List<RowProblem> warnings = new ArrayList<>();

	HouseholdData household;

	/** The name of the household's region, once its code has been checked. */
	String regionName;

	List<Member> members = List.of();

	/** False for the further rows of a household already counted as rejected (too many members). */
	boolean countsAsHousehold = true;

	/** The household's economics columns: the year of the spending figures and the figures by kind (may be empty). */
	int spendingYear;

	java.util.Map<org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind, java.math.BigDecimal> spending = java.util.Map.of();

	/** The year of the members' yearly income figures. */
	int incomeYear;

	/** The month of the members' monthly income figures (null when the file gives none). */
	java.time.YearMonth incomeMonth;

	/** The household's sudden cost in the file, or null. */
	EconomicsColumnsPolicy.SuddenCost suddenCost;

	/** The household's asset figures in the file, or null when no asset column is filled. */
	EconomicsColumnsPolicy.Assets assets;

	/**
	 * A member ready to be written, with the row it came from and its yearly and monthly income
	 * figures by kind (may be empty).
	 */
	record Member(long row, MemberData data, IdNumber id,
			java.util.Map<org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind, java.math.BigDecimal> yearly,
			java.util.Map<org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind, java.math.BigDecimal> monthly) {

		Member(long row, MemberData data, IdNumber id) {
			this(row, data, id, java.util.Map.of(), java.util.Map.of());
		}

	}

	Candidate(String ref, List<SheetRow> rows) {
		this.ref = ref;
		this.rows = rows;
	}

	boolean valid() {
		return errors.isEmpty();
	}

	long firstRow() {
		return rows.get(0).number();
	}

	void reject(RowProblem problem) {
		errors.add(problem);
		household = null;
	}

	/** The head's row (the one the household-level values come from). */
	long headRow() {
		return members.stream()
			.filter(m -> m.data().relation() == org.bangfu.registry.Vocabulary.Relation.HEAD)
			.mapToLong(Member::row)
			.findFirst()
			.orElse(firstRow());
	}

}
