package org.bangfu.crosscheck;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.bangfu.crosscheck.internal.ExtractLayoutPolicy;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.shared.IdNumber;

/**
 * Generated families and extracts of every kind with planted mismatches, and the findings they
 * must give (member name and kind): noise rows of strangers, a person of another organisation,
 * a name that differs from the file, facts the file already shows and a bad row must give none.
 * Deterministic for a seed (the ID numbers are born in 1931 with the seed in their sequence).
 */
final class PlantedExtracts {

	/** A member: name, ID number, head or spouse, yearly wage and pension in the file. */
	record Person(String name, String id, boolean head, String wage, String pension) {
	}

	/** A family as filed: housing, vehicles, business and whether the file says dibao. */
	record Family(String label, HousingType housing, int vehicles, String business, boolean dibao, Person head,
			Person spouse) {
	}

	final List<Family> families = new ArrayList<>();

	/** Each kind's file: the header row and the rows. */
	final Map<ExtractKind, List<String[]>> files = new EnumMap<>(ExtractKind.class);

	/** The findings the match must give, as KIND:name. */
	final TreeSet<String> expected = new TreeSet<>();

	/** A person filed only in another organisation (outside the extract's scope). */
	final Person outsider;

	private final int seed;

	private int seq;

	PlantedExtracts(int seed) {
		this.seed = seed;
		for (ExtractKind k : ExtractKind.values()) {
			List<String[]> rows = new ArrayList<>();
			rows.add(ExtractLayoutPolicy.columns(k).stream().map(ExtractLayoutPolicy.Column::header).toArray(String[]::new));
			files.put(k, rows);
		}
		for (int i = 0; i < 15; i++) {
			HousingType housing = i == 6 ? HousingType.RENTED : HousingType.OWN;
			int vehicles = i == 2 || i == 3 ? 1 : 0;
			String business = i == 5 ? "小卖部" : null;
			boolean dibao = i == 12 || i == 14;
			String label = String.format("F%02d", i);
			Person head = new Person(name(i, "户"), id(), true, "0", i == 10 ? "12000.00" : "0");
			Person spouse = new Person(name(i, "妻"), id(), false, i == 10 ? "36000.00" : "0", "0");
			families.add(new Family(label, housing, vehicles, business, dibao, head, spouse));
		}
		outsider = new Person("外组织人", id(), true, "0", "0");
		Family[] f = families.toArray(Family[]::new);
		// deaths: a head died; a stranger; the spouse of F01 under another name (no match)
		row(ExtractKind.DEATH, f[0].head(), "2026-03-01", "江岸殡仪馆");
		row(ExtractKind.DEATH, stranger(), "2025-12-01", "");
		row(ExtractKind.DEATH, new Person("别名", f[1].spouse().id(), false, "0", "0"), "2026-01-02", "");
		row(ExtractKind.DEATH, outsider, "2026-02-02", "");
		plant("MEMBER_DIED", f[0].head());
		// vehicles: F01 none in the file, one found; F02 one in file, one found; F03 one in file, two found
		row(ExtractKind.VEHICLE, f[1].spouse(), "鄂A12345", "2020-05-01");
		row(ExtractKind.VEHICLE, f[2].head(), "鄂A22222", "");
		row(ExtractKind.VEHICLE, f[3].head(), "鄂A33333", "");
		row(ExtractKind.VEHICLE, f[3].spouse(), "鄂A33334", "");
		row(ExtractKind.VEHICLE, stranger(), "鄂A99999", "");
		row(ExtractKind.VEHICLE, outsider, "鄂A88888", "");
		plant("VEHICLE", f[1].spouse());
		plant("VEHICLE", f[3].head());
		plant("VEHICLE", f[3].spouse());
		// businesses: F04 none in the file; F05 shows its shop
		row(ExtractKind.BUSINESS, f[4].head(), "武汉某某商贸有限公司", "2019-03-15");
		row(ExtractKind.BUSINESS, f[5].head(), "小卖部", "");
		row(ExtractKind.BUSINESS, stranger(), "某公司", "");
		plant("BUSINESS", f[4].head());
		// homes: F06 rents but owns one; F07 owns one (shown); F08 owns two
		row(ExtractKind.REAL_ESTATE, f[6].head(), "江岸区某路 1 号", "80.5");
		row(ExtractKind.REAL_ESTATE, f[7].head(), "江岸区某路 2 号", "60");
		row(ExtractKind.REAL_ESTATE, f[8].head(), "江岸区某路 3 号", "60");
		row(ExtractKind.REAL_ESTATE, f[8].head(), "洪山区某路 4 号", "90");
		row(ExtractKind.REAL_ESTATE, stranger(), "某地", "");
		plant("SECOND_HOME", f[6].head());
		plant("SECOND_HOME", f[8].head());
		// social insurance: F09 a pension and a wage not shown; F10 both shown
		row(ExtractKind.SOCIAL_INSURANCE, f[9].head(), "养老金", "1500.00", "武汉市社保局");
		row(ExtractKind.SOCIAL_INSURANCE, f[9].spouse(), "缴费", "4200.00", "某厂");
		row(ExtractKind.SOCIAL_INSURANCE, f[10].head(), "养老金", "1000.00", "");
		row(ExtractKind.SOCIAL_INSURANCE, f[10].spouse(), "缴费", "3000.00", "某厂");
		row(ExtractKind.SOCIAL_INSURANCE, stranger(), "缴费", "3000.00", "");
		plant("PENSION_NOT_SHOWN", f[9].head());
		plant("WAGE_NOT_SHOWN", f[9].spouse());
		// housing fund: F11 a wage not shown; F10's spouse shows hers
		row(ExtractKind.HOUSING_FUND, f[11].head(), "800.00", "某公司");
		row(ExtractKind.HOUSING_FUND, f[10].spouse(), "500.00", "某厂");
		row(ExtractKind.HOUSING_FUND, outsider, "500.00", "");
		plant("WAGE_NOT_SHOWN", f[11].head());
		// dibao: F12 on dibao as filed; F13 paid but not on dibao in the file; F14's spouse in a stranger's family
		row(ExtractKind.DIBAO, f[12].head(), f[12].head().id(), "600.00", "420102");
		row(ExtractKind.DIBAO, f[13].head(), f[13].head().id(), "600.00", "420111");
		row(ExtractKind.DIBAO, f[14].spouse(), stranger().id(), "600.00", "420106");
		plant("DIBAO_ELSEWHERE", f[13].head());
		plant("FILED_TWICE", f[14].spouse());
		for (ExtractKind k : ExtractKind.values()) {
			List<String[]> rows = files.get(k);
			String[] bad = new String[rows.get(0).length];
			java.util.Arrays.fill(bad, "");
			bad[0] = "12345";
			bad[1] = "错号";
			rows.add(bad);
		}
	}

	/** The kinds' files as CSV text (UTF-8). */
	Map<ExtractKind, String> csv() {
		Map<ExtractKind, String> out = new LinkedHashMap<>();
		files.forEach((k, rows) -> {
			StringBuilder sb = new StringBuilder();
			for (String[] r : rows) {
				sb.append(String.join(",", r)).append("\r\n");
			}
			out.put(k, sb.toString());
		});
		return out;
	}

	private void plant(String kind, Person p) {
		expected.add(kind + ":" + p.name());
	}

	private void row(ExtractKind kind, Person p, String... rest) {
		String[] r = new String[2 + rest.length];
		r[0] = p.id();
		r[1] = p.name();
		System.arraycopy(rest, 0, r, 2, rest.length);
		files.get(kind).add(r);
	}

	private Person stranger() {
		return new Person("路人" + seq, id(), true, "0", "0");
	}

	private String name(int i, String role) {
		return "比对" + (char) ('甲' + seed % 10) + (char) ('一' + i) + role;
	}

	/** A valid ID number born 1931-01-01 to 1931-12-28, unique for the seed and sequence. */
	private String id() {
		int n = seed * 1000 + seq++;
		String first17 = "420102" + String.format("1931%02d%02d", 1 + (n / 1000) % 12, 1 + (n / 100) % 10 * 2 + (n / 10) % 2)
				+ String.format("%03d", n % 1000);
		return first17 + IdNumber.checkChar(first17);
	}

}
