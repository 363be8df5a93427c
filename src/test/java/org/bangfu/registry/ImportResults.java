package org.bangfu.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What an import left behind, read back: households of an organisation, the error report. */
public final class ImportResults {

	private static final Pattern ROW = Pattern.compile("^(?:第 (\\d+) 行|Row (\\d+))");

	private final JdbcClient jdbc;

	public ImportResults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The error report as text cells: the header line first. */
	public static List<List<String>> report(InputStream in) throws IOException {
		List<List<String>> lines = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook wb = new XSSFWorkbook(in)) {
			Sheet sheet = wb.getSheetAt(0);
			int width = sheet.getRow(0).getLastCellNum();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(width, row.getLastCellNum()); i++) {
					cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
				}
				lines.add(cells);
			}
		}
		return lines;
	}

	public static List<List<String>> report(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return report(in);
		}
	}

	/** The file rows a report rejects (from its error column, the last one of the header). */
	public static Set<Long> rejectedRows(List<List<String>> report) {
		int errors = report.get(0).size() - 1;
		Set<Long> rows = new TreeSet<>();
		for (List<String> line : report.subList(1, report.size())) {
			Matcher m = ROW.matcher(line.get(errors));
			if (!m.find()) {
				throw new AssertionError("No row number in " + line.get(errors));
			}
			rows.add(Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2)));
		}
		return rows;
	}

	/** The 户编号 of an organisation's households, sorted. */
	public List<String> fileNos(long organisationId) {
		return jdbc.sql("SELECT file_no FROM registry_household WHERE organisation_id = ? ORDER BY file_no")
			.param(organisationId)
			.query(String.class)
			.list();
	}

	public long activeMembers(long organisationId) {
		return jdbc.sql("""
				SELECT count(*) FROM registry_member m JOIN registry_household h ON h.id = m.household_id
				WHERE h.organisation_id = ? AND m.active""").param(organisationId).query(Long.class).single();
	}

	public long claims() {
		return jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single();
	}

	public long changes(long organisationId) {
		return jdbc.sql("""
				SELECT count(*) FROM registry_change c JOIN registry_household h ON h.id = c.household_id
				WHERE h.organisation_id = ?""").param(organisationId).query(Long.class).single();
	}

	public static String reportPath(JdbcClient jdbc, long importId) {
		return jdbc.sql("SELECT report_file FROM registry_import WHERE id = ?").param(importId).query(String.class).single();
	}

}
