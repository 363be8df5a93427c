package org.bangfu.registry.importing;

import static org.bangfu.registry.TemplateColumn.ANNUAL_RENT;
import static org.bangfu.registry.TemplateColumn.BANK_ACCOUNT;
import static org.bangfu.registry.TemplateColumn.BANK_NAME;
import static org.bangfu.registry.TemplateColumn.CATEGORIES;
import static org.bangfu.registry.TemplateColumn.DISABILITY_GRADE;
import static org.bangfu.registry.TemplateColumn.EMPLOYER;
import static org.bangfu.registry.TemplateColumn.EMPLOYMENT;
import static org.bangfu.registry.TemplateColumn.HARDSHIP_CAUSES;
import static org.bangfu.registry.TemplateColumn.HEALTH;
import static org.bangfu.registry.TemplateColumn.HOUSEHOLD_REF;
import static org.bangfu.registry.TemplateColumn.HOUSING;
import static org.bangfu.registry.TemplateColumn.ID_NUMBER;
import static org.bangfu.registry.TemplateColumn.MONTHLY_INCOME;
import static org.bangfu.registry.TemplateColumn.NAME;
import static org.bangfu.registry.TemplateColumn.PHONE;
import static org.bangfu.registry.TemplateColumn.REGION_CODE;
import static org.bangfu.registry.TemplateColumn.RELATION;
import static org.bangfu.registry.TemplateColumn.SAVINGS;
import static org.bangfu.registry.TemplateColumn.SCHOOLING;
import static org.bangfu.registry.TemplateColumn.SEX;
import static org.bangfu.registry.TemplateColumn.VEHICLES;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bangfu.platform.sheets.SheetRow;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.TemplateColumn;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;
import org.bangfu.registry.TemplateValues;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Money;

/**
 * Every rule of the import template that can be checked without the database, for one household
 * (the rows of one 户编号): required cells, lengths, vocabularies, ID numbers, sex against the ID
 * number, amounts (≥ 0, at most 2 decimals), phone and account formats, grade only with 残疾,
 * exactly one 户主, household-level values from the 户主 row with conflicting values on other
 * rows, ID numbers repeated in the file, and no formulas. The region's existence is checked
 * afterwards for a whole chunk at once.
 */
final class TemplatePolicy {

	static final int MAX_CAUSES = 4;

	private static final Pattern PHONE_PATTERN = Pattern.compile("1\\d{10}|0\\d{2,3}-\\d{7,8}");

	private static final Pattern ACCOUNT = Pattern.compile("\\d{12,30}");

	private static final Pattern REGION = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

	private static final Pattern COUNT = Pattern.compile("\\d{1,3}");

	private final Header header;

	private final LocalDate today;

	private final Map<Long, Long> repeatedIds;

	private final EconomicsColumnsPolicy economics;

	TemplatePolicy(Header header, LocalDate today, Map<Long, Long> repeatedIds) {
		this.header = header;
		this.today = today;
		this.repeatedIds = repeatedIds;
		this.economics = new EconomicsColumnsPolicy(this, today);
	}

	Header header() {
		return header;
	}

	String label(TemplateColumn column) {
		return header.label(column);
	}

	/** A person's row as read, before the household is put together. */
	private record Person(SheetRow row, String name, IdNumber id, Relation relation, Employment employment,
			String employer, String phone, BigDecimal income, Health health, Integer grade, Schooling schooling,
			List<Category> categories, Map<IncomeKind, BigDecimal> yearly, Map<IncomeKind, BigDecimal> monthly) {
	}

	/** The optional yearly income columns, by kind. */
	private static final Map<TemplateColumn, IncomeKind> YEARLY = Map.of(TemplateColumn.ANNUAL_WAGE, IncomeKind.WAGE,
			TemplateColumn.ANNUAL_BUSINESS, IncomeKind.BUSINESS, TemplateColumn.ANNUAL_FARMING, IncomeKind.FARMING,
			TemplateColumn.ANNUAL_PROPERTY, IncomeKind.PROPERTY, TemplateColumn.ANNUAL_TRANSFER, IncomeKind.TRANSFER,
			TemplateColumn.ANNUAL_PENSION, IncomeKind.PENSION, TemplateColumn.ANNUAL_OTHER_INCOME, IncomeKind.OTHER);

	/** The optional spending columns, by kind (rent stays 年租金). */
	private static final Map<TemplateColumn, SpendingKind> SPENDING = Map.of(TemplateColumn.MEDICAL_SPENDING,
			SpendingKind.MEDICAL, TemplateColumn.SCHOOLING_SPENDING, SpendingKind.SCHOOLING, TemplateColumn.CARE_SPENDING,
			SpendingKind.CARE, TemplateColumn.OTHER_SPENDING, SpendingKind.OTHER);

	private <K> Map<K, BigDecimal> amounts(SheetRow row, Map<TemplateColumn, K> columns, Candidate c) {
		Map<K, BigDecimal> out = new java.util.LinkedHashMap<>();
		for (TemplateColumn column : TemplateColumn.values()) {
			K kind = columns.get(column);
			BigDecimal v = kind == null ? null : amount(row, column, 12, c);
			if (v != null) {
				out.put(kind, v);
			}
		}
		return out;
	}

	/** 收入年度 / 支出年度: a year not after this one; empty = last year. */
	private int year(SheetRow row, TemplateColumn column, Candidate c) {
		String v = cell(row, column, c);
		if (v == null || v.isEmpty()) {
			return today.getYear() - 1;
		}
		if (!v.matches("\\d{4}") || Integer.parseInt(v) < 1990 || Integer.parseInt(v) > today.getYear()) {
			c.reject(RowProblem.of(row.number(), column, "imports.economics.year", header.label(column), v, Integer.toString(today.getYear())));
			return today.getYear() - 1;
		}
		return Integer.parseInt(v);
	}

	Candidate check(String ref, List<SheetRow> rows) {
		Candidate c = new Candidate(ref, rows);
		List<Person> persons = new ArrayList<>(rows.size());
		for (SheetRow row : rows) {
			persons.add(person(row, c));
		}
		if (ref.isEmpty()) {
			return c;
		}
		List<Person> heads = persons.stream().filter(p -> p.relation() == Relation.HEAD).toList();
		if (heads.isEmpty()) {
			for (SheetRow row : rows) {
				c.reject(RowProblem.of(row.number(), RELATION, "imports.head.none", ref));
			}
			return c;
		}
		if (heads.size() > 1) {
			String numbers = heads.stream().map(h -> Long.toString(h.row().number())).collect(Collectors.joining("、"));
			for (Person h : heads) {
				c.reject(RowProblem.of(h.row().number(), RELATION, "imports.head.many", ref, numbers));
			}
		}
		Person head = heads.get(0);
		conflicts(head.row(), rows, c);
		HouseholdData household = household(ref, head, c);
		for (Person p : persons) {
			economics.noOverlap(p.row().number(), p.yearly(), p.monthly(), c);
		}
		if (c.valid()) {
			c.household = household;
			c.members = persons.stream()
				.map(p -> new Candidate.Member(p.row().number(), member(p), p.id(), p.yearly(), p.monthly()))
				.toList();
		}
		return c;
	}

	/** Rejects a row of a household with more members than allowed (its rows are not kept in memory). */
	RowProblem tooMany(SheetRow row, String ref, int max) {
		return RowProblem.of(row.number(), HOUSEHOLD_REF, "imports.household.tooMany", ref, max);
	}

	private Person person(SheetRow row, Candidate c) {
		long n = row.number();
		String ref = required(row, HOUSEHOLD_REF, c);
		if (ref != null && ref.length() > 40) {
			c.reject(RowProblem.of(n, HOUSEHOLD_REF, "imports.cell.tooLong", header.label(HOUSEHOLD_REF), 40));
		}
		String name = required(row, NAME, c);
		if (name != null && name.codePointCount(0, name.length()) > 50) {
			c.reject(RowProblem.of(n, NAME, "imports.cell.tooLong", header.label(NAME), 50));
		}
		IdNumber id = idNumber(row, c);
		Relation relation = required(row, RELATION, c) == null ? null : word(row, RELATION, Relation.class, c);
		sex(row, id, c);
		BigDecimal income = amount(row, MONTHLY_INCOME, 10, c);
		Employment employment = word(row, EMPLOYMENT, Employment.class, c);
		String employer = text(row, EMPLOYER, 100, c);
		Health health = word(row, HEALTH, Health.class, c);
		Integer grade = grade(row, health, c);
		Schooling schooling = word(row, SCHOOLING, Schooling.class, c);
		List<Category> categories = list(row, CATEGORIES, Category.class, c);
		String phone = phone(row, c);
		Map<IncomeKind, BigDecimal> yearly = amounts(row, YEARLY, c);
		return new Person(row, name, id, relation, employment, employer, phone, income, health, grade, schooling,
				categories, yearly, economics.monthly(row, c));
	}

	private IdNumber idNumber(SheetRow row, Candidate c) {
		String v = required(row, ID_NUMBER, c);
		if (v == null) {
			return null;
		}
		try {
			IdNumber id = IdNumber.parse("idNumber", v, today);
			Long first = repeatedIds.get(row.number());
			if (first != null) {
				c.reject(RowProblem.of(row.number(), ID_NUMBER, "imports.idNumber.twiceInFile", id.masked(), first));
			}
			return id;
		}
		catch (BangfuException ex) {
			Object[] args = ex.args();
			if (args.length > 0) {
				args[0] = IdNumber.mask(String.valueOf(args[0]));
			}
			c.reject(RowProblem.of(row.number(), ID_NUMBER, ex.messageKey(), args));
			return null;
		}
	}

	private void sex(SheetRow row, IdNumber id, Candidate c) {
		String v = cell(row, SEX, c);
		if (v == null || v.isEmpty()) {
			return;
		}
		IdNumber.Sex sex = switch (v) {
			case "男", "M", "m" -> IdNumber.Sex.M;
			case "女", "F", "f" -> IdNumber.Sex.F;
			default -> null;
		};
		if (sex == null) {
			c.reject(RowProblem.of(row.number(), SEX, "imports.cell.unknownValue", header.label(SEX), v, "男、女"));
		}
		else if (id != null && id.sex() != sex) {
			c.reject(RowProblem.of(row.number(), SEX, "imports.sex.mismatch", v, id.sex() == IdNumber.Sex.M ? "男" : "女"));
		}
	}

	private Integer grade(SheetRow row, Health health, Candidate c) {
		String v = cell(row, DISABILITY_GRADE, c);
		if (v == null || v.isEmpty()) {
			return null;
		}
		int grade = TemplateValues.GRADES.indexOf(v) + 1;
		if (grade == 0 && v.matches("[1-4]")) {
			grade = Integer.parseInt(v);
		}
		if (grade == 0) {
			c.reject(RowProblem.of(row.number(), DISABILITY_GRADE, "imports.cell.unknownValue",
					header.label(DISABILITY_GRADE), v, String.join("、", TemplateValues.GRADES)));
			return null;
		}
		if (health != Health.DISABLED) {
			c.reject(RowProblem.of(row.number(), DISABILITY_GRADE, "imports.grade.onlyDisabled", v));
		}
		return grade;
	}

	private String phone(SheetRow row, Candidate c) {
		String v = cell(row, PHONE, c);
		if (v == null || v.isEmpty()) {
			return null;
		}
		if (!PHONE_PATTERN.matcher(v).matches()) {
			c.reject(RowProblem.of(row.number(), PHONE, "imports.phone.pattern", v));
			return null;
		}
		return v;
	}

	/** Values that may only differ from the 户主 row by being empty. */
	private void conflicts(SheetRow headRow, List<SheetRow> rows, Candidate c) {
		for (SheetRow row : rows) {
			if (row == headRow) {
				continue;
			}
			for (TemplateColumn column : TemplateColumn.values()) {
				if (!column.householdLevel() || column == HOUSEHOLD_REF || !header.has(column)) {
					continue;
				}
				String v = header.value(row, column);
				String headValue = header.value(headRow, column);
				if (!v.isEmpty() && !v.equals(headValue)) {
					c.reject(RowProblem.of(row.number(), column, "imports.household.conflict", header.label(column), v,
							headValue, headRow.number()));
				}
			}
		}
	}

	private HouseholdData household(String ref, Person head, Candidate c) {
		SheetRow row = head.row();
		String region = required(row, REGION_CODE, c);
		if (region != null && !REGION.matcher(region).matches()) {
			c.reject(RowProblem.of(row.number(), REGION_CODE, "imports.region.malformed", region));
			region = null;
		}
		List<HardshipCause> causes = list(row, HARDSHIP_CAUSES, HardshipCause.class, c);
		if (causes.size() > MAX_CAUSES) {
			List<HardshipCause> kept = causes.subList(0, MAX_CAUSES);
			c.warnings.add(RowProblem.of(row.number(), HARDSHIP_CAUSES, "imports.causes.truncated", MAX_CAUSES,
					kept.stream().map(TemplateValues::word).collect(Collectors.joining("、"))));
			causes = kept;
		}
		HousingType housing = word(row, HOUSING, HousingType.class, c);
		BigDecimal rent = amount(row, ANNUAL_RENT, 10, c);
		Integer vehicles = count(row, c);
		BigDecimal savings = amount(row, SAVINGS, 12, c);
		c.incomeYear = year(row, TemplateColumn.INCOME_YEAR, c);
		c.spendingYear = year(row, TemplateColumn.SPENDING_YEAR, c);
		c.spending = amounts(row, SPENDING, c);
		c.incomeMonth = economics.month(row, c);
		c.suddenCost = economics.suddenCost(row, c);
		c.assets = economics.assets(row, c);
		String bankName = text(row, BANK_NAME, 100, c);
		String account = cell(row, BANK_ACCOUNT, c);
		if (account != null && !account.isEmpty() && !ACCOUNT.matcher(account).matches()) {
			c.reject(RowProblem.of(row.number(), BANK_ACCOUNT, "imports.bankAccount.pattern", account));
		}
		if (!c.valid()) {
			return null;
		}
		String code = (region + "000000").substring(0, 12);
		return new HouseholdData(ref, code, null, head.phone(), causes.isEmpty() ? null : causes.get(0),
				causes.size() > 1 ? List.copyOf(causes.subList(1, causes.size())) : List.of(), List.of(), housing, null,
				rent, vehicles == null ? 0 : vehicles, savings, null, bankName, empty(account), null);
	}

	private static MemberData member(Person p) {
		BigDecimal income = p.income() == null ? BigDecimal.ZERO : p.income();
		boolean retired = p.employment() == Employment.RETIRED;
		return new MemberData(p.name(), p.id().value(), p.relation(), null, null, null, p.employment(), p.employer(),
				p.phone(), retired ? BigDecimal.ZERO : income, null, null, null, retired ? income : BigDecimal.ZERO,
				p.health() == null ? Health.HEALTHY : p.health(), null, null, p.grade(), p.schooling(), null, null,
				p.categories());
	}

	private Integer count(SheetRow row, Candidate c) {
		String v = cell(row, VEHICLES, c);
		if (v == null || v.isEmpty()) {
			return null;
		}
		if (!COUNT.matcher(v).matches()) {
			c.reject(RowProblem.of(row.number(), VEHICLES, "imports.cell.count", header.label(VEHICLES), v));
			return null;
		}
		return Integer.parseInt(v);
	}

	BigDecimal amount(SheetRow row, TemplateColumn column, int integerDigits, Candidate c) {
		String v = cell(row, column, c);
		if (v == null || v.isEmpty()) {
			return null;
		}
		try {
			BigDecimal amount = Money.parse(column.alias(), v, true).amount();
			if (amount.precision() - amount.scale() > integerDigits) {
				c.reject(RowProblem.of(row.number(), column, "imports.amount.tooLarge", header.label(column), v));
				return null;
			}
			return amount;
		}
		catch (BangfuException ex) {
			c.reject(RowProblem.of(row.number(), column, ex.messageKey(), v));
			return null;
		}
	}

	<E extends Enum<E>> E word(SheetRow row, TemplateColumn column, Class<E> type, Candidate c) {
		String v = cell(row, column, c);
		if (v == null || v.isEmpty()) {
			return null;
		}
		return TemplateValues.parse(type, v).orElseGet(() -> {
			c.reject(RowProblem.of(row.number(), column, "imports.cell.unknownValue", header.label(column), v,
					String.join("、", TemplateValues.words(type))));
			return null;
		});
	}

	private <E extends Enum<E>> List<E> list(SheetRow row, TemplateColumn column, Class<E> type, Candidate c) {
		String v = cell(row, column, c);
		if (v == null || v.isEmpty()) {
			return List.of();
		}
		Set<E> values = new LinkedHashSet<>();
		for (String item : TemplateValues.LIST_SEPARATORS.split(v)) {
			String word = item.strip();
			if (word.isEmpty()) {
				continue;
			}
			TemplateValues.parse(type, word).ifPresentOrElse(values::add,
					() -> c.reject(RowProblem.of(row.number(), column, "imports.cell.unknownValue", header.label(column),
							word, String.join("、", TemplateValues.words(type)))));
		}
		return List.copyOf(values);
	}

	private String text(SheetRow row, TemplateColumn column, int max, Candidate c) {
		String v = cell(row, column, c);
		if (v != null && v.codePointCount(0, v.length()) > max) {
			c.reject(RowProblem.of(row.number(), column, "imports.cell.tooLong", header.label(column), max));
		}
		return empty(v);
	}

	private String required(SheetRow row, TemplateColumn column, Candidate c) {
		String v = cell(row, column, c);
		if (v != null && v.isEmpty()) {
			c.reject(RowProblem.of(row.number(), column, "imports.cell.required", header.label(column)));
			return null;
		}
		return v;
	}

	/** The cell's text; null (and the row rejected) when it holds a formula. */
	String cell(SheetRow row, TemplateColumn column, Candidate c) {
		if (header.formula(row, column)) {
			c.reject(RowProblem.of(row.number(), column, "imports.cell.formula", header.label(column)));
			return null;
		}
		return header.value(row, column);
	}

	private static String empty(String v) {
		return v == null || v.isEmpty() ? null : v;
	}

}
