package org.bangfu.pairing.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the bulk pairing file, found by their Chinese header or an alias (English too),
 * in any order; other columns are kept in the error report and otherwise ignored.
 * <ul>
 * <li>The cadre: {@link #CADRE_LOGIN} (the user name of a user with the pairing cadre role), else
 * {@link #CADRE_ID} (the cadre's number as the cadre list shows it), else {@link #CADRE_NAME}
 * (with {@link #CADRE_PHONE} when two cadres share a name), for cadres without a login.</li>
 * <li>The household: {@link #ID_NUMBER} (the ID number of any current member), else
 * {@link #FILE_NO} (户编号); when both are given they must name the same household.</li>
 * </ul>
 */
public enum ImportColumn {

	CADRE_LOGIN("干部账号", "干部登录名", "登录名", "账号", "用户名", "cadre login", "login", "user name", "username"),
	CADRE_ID("干部编号", "cadre id", "cadreid", "cadre number"),
	CADRE_NAME("干部姓名", "帮扶干部", "帮扶人", "干部", "cadre", "cadre name"),
	CADRE_PHONE("干部电话", "干部手机", "干部联系电话", "cadre phone"),
	ID_NUMBER("身份证号", "身份证号码", "户主身份证号", "公民身份号码", "id number", "idnumber"),
	FILE_NO("户编号", "档案编号", "file no", "fileno", "file number"),
	STARTED_ON("开始日期", "结对日期", "帮扶开始日期", "start date", "startedon", "start"),
	PLANNED_END_ON("计划结束日期", "计划结束", "结束日期", "planned end", "plannedendon", "planned end date"),
	TYPE("帮扶类型", "结对类型", "结对方式", "type", "pairing type");

	private final String header;

	private final List<String> aliases;

	ImportColumn(String header, String... aliases) {
		this.header = header;
		this.aliases = List.of(aliases);
	}

	/** The Chinese header of the template. */
	public String header() {
		return header;
	}

	public List<String> aliases() {
		return aliases;
	}

	public static Optional<ImportColumn> forHeader(String text) {
		String t = normalise(text);
		for (ImportColumn c : values()) {
			if (normalise(c.header).equals(t) || c.aliases.stream().anyMatch(a -> normalise(a).equals(t))) {
				return Optional.of(c);
			}
		}
		return Optional.empty();
	}

	private static String normalise(String s) {
		return s.strip().replace("*", "").replace("（", "(").replace(" ", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

}
