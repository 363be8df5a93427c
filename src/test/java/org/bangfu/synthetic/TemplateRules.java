package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import static org.bangfu.registry.TemplateColumn.BANK_ACCOUNT;
import static org.bangfu.registry.TemplateColumn.DISABILITY_GRADE;
import static org.bangfu.registry.TemplateColumn.HEALTH;
import static org.bangfu.registry.TemplateColumn.HOUSEHOLD_REF;
import static org.bangfu.registry.TemplateColumn.ID_NUMBER;
import static org.bangfu.registry.TemplateColumn.MONTHLY_INCOME;
import static org.bangfu.registry.TemplateColumn.NAME;
import static org.bangfu.registry.TemplateColumn.PHONE;
import static org.bangfu.registry.TemplateColumn.REGION_CODE;
import static org.bangfu.registry.TemplateColumn.SEX;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.bangfu.synthetic.GeneratedFile.Row;

/**
 * The import template's rules, written again independently of the generator: what an importer
 * must reject, found by reading the file. Each finding is (household_ref, rows, column, defect).
 */
final class TemplateRules {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final DateTimeFormatter BASIC_STRICT = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-\\d{7,8}");

	private static final Pattern ACCOUNT = Pattern.compile("\\d{12,30}");

	private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d{1,2})?");

	private static Set<String> regionCodes;

	private TemplateRules() {
	}

	/** Every defect in the file. */
	static Set<List<String>> findings(GeneratedFile file) throws IOException {
		Set<List<String>> found = new HashSet<>();
		Map<String, String> seenIds = new HashMap<>();
		for (List<Row> household : file.households.values()) {
			String ref = household.get(0).get(HOUSEHOLD_REF);
			for (Row r : household) {
				for (String defect : rowDefects(r)) {
					found.add(finding(ref, List.of(r), defect));
				}
				String id = r.get(ID_NUMBER).toUpperCase();
				if (seenIds.putIfAbsent(id, ref) != null) {
					found.add(finding(ref, List.of(r), "duplicate_id_number"));
				}
			}
			List<Row> heads = household.stream().filter(Row::isHead).toList();
			if (heads.isEmpty()) {
				found.add(finding(ref, household, "no_head"));
				continue;
			}
			if (heads.size() > 1) {
				found.add(finding(ref, heads, "two_heads"));
			}
			Row head = heads.get(0);
			if (!regionExists(head.get(REGION_CODE))) {
				found.add(finding(ref, List.of(head), "unknown_region_code"));
			}
			for (Row r : household) {
				for (TemplateColumn c : TemplateColumn.values()) {
					if (r != head && c.householdLevel() && c != HOUSEHOLD_REF && !r.get(c).isEmpty()
							&& !r.get(c).equals(head.get(c))) {
						found.add(List.of(ref, Long.toString(r.number()), c.header(), "household_value_mismatch"));
					}
				}
			}
		}
		return found;
	}

	static List<String> rowDefects(Row r) {
		List<String> defects = new ArrayList<>();
		if (r.get(NAME).isBlank()) {
			defects.add("missing_name");
		}
		String id = r.get(ID_NUMBER);
		if (!checkCharCorrect(id)) {
			defects.add("bad_check_digit");
		}
		else if (birthDate(id) == null) {
			defects.add("impossible_birth_date");
		}
		else if (!r.get(SEX).equals(maleById(id) ? "男" : "女")) {
			defects.add("sex_mismatch");
		}
		String income = r.get(MONTHLY_INCOME);
		if (income.startsWith("-")) {
			defects.add("negative_income");
		}
		else if (!income.isEmpty() && !AMOUNT.matcher(income).matches()) {
			defects.add("income_three_decimals");
		}
		if (!r.get(DISABILITY_GRADE).isEmpty() && !r.get(HEALTH).equals("残疾")) {
			defects.add("grade_without_disability");
		}
		String phone = r.get(PHONE);
		if (!phone.isEmpty() && !MOBILE.matcher(phone).matches() && !LANDLINE.matcher(phone).matches()) {
			defects.add("bad_phone");
		}
		if (!r.get(BANK_ACCOUNT).isEmpty() && !ACCOUNT.matcher(r.get(BANK_ACCOUNT)).matches()) {
			defects.add("bad_bank_account");
		}
		return defects;
	}

	/** The GB 11643 check: 17 digits and the MOD 11-2 char (X in either case). */
	static boolean checkCharCorrect(String id) {
		if (id.length() != 18 || !id.substring(0, 17).chars().allMatch(Character::isDigit)) {
			return false;
		}
		int s = 0;
		for (int i = 0; i < 17; i++) {
			s += (id.charAt(i) - '0') * WEIGHTS[i];
		}
		return "10X98765432".charAt(s % 11) == Character.toUpperCase(id.charAt(17));
	}

	/** The birth date, or null when it is not a real date between 1900 and the reference date. */
	static LocalDate birthDate(String id) {
		try {
			LocalDate d = LocalDate.parse(id.substring(6, 14), BASIC_STRICT);
			return d.getYear() < 1900 || d.isAfter(GeneratorOptions.AS_OF) ? null : d;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static boolean maleById(String id) {
		return (id.charAt(16) - '0') % 2 == 1;
	}

	static boolean regionExists(String code) throws IOException {
		if (!code.matches("\\d{6}|\\d{9}|\\d{12}")) {
			return false;
		}
		return regionCodes().contains((code + "000000").substring(0, 12));
	}

	private static synchronized Set<String> regionCodes() throws IOException {
		if (regionCodes == null) {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(
					new GZIPInputStream(TemplateRules.class.getResourceAsStream("/regions/regions-to-township.csv.gz")),
					StandardCharsets.UTF_8))) {
				regionCodes = in.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
			}
		}
		return regionCodes;
	}

	private static List<String> finding(String ref, List<Row> rows, String defect) {
		String numbers = rows.stream().map(r -> Long.toString(r.number())).collect(Collectors.joining(" "));
		return List.of(ref, numbers, Defect.fromCode(defect).column().header(), defect);
	}

}
