package org.bangfu.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bangfu.platform.sheets.CsvSource;
import org.bangfu.platform.sheets.SheetRow;
import org.bangfu.platform.sheets.SheetSource;
import org.bangfu.platform.sheets.XlsxSource;
import org.bangfu.registry.TemplateColumn;
import org.bangfu.registry.TemplateFile;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Reading uploads: type by content, encodings, .xlsx streaming, formulas, zip bombs, headers. */
class SpreadsheetReadingTests {

	static final ImportSettings SETTINGS = new ImportSettings(DataSize.ofMegabytes(2), DataSize.ofMegabytes(50), 500,
			1000, 30, 200);

	@TempDir
	Path dir;

	@Test
	void utf8CsvWithByteOrderMarkIsReadWithItsChineseHeaderAndRowNumbers() throws IOException {
		TemplateFile t = new TemplateFile();
		t.household("H1", 2);
		List<SheetRow> rows = read(t.write(dir, "a.csv", t.csv()), "a.csv");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).cell(0)).isEqualTo("户编号");
		assertThat(rows.get(1).number()).isEqualTo(2);
		assertThat(rows.get(1).cell(TemplateColumn.NAME.ordinal())).isEqualTo("张测试甲");
		assertThat(rows.get(2).cell(TemplateColumn.RELATION.ordinal())).isEqualTo("配偶");
	}

	@Test
	void gbkCsvIsRecognisedAsGb18030AndUtf8WithoutBomAsUtf8() throws IOException {
		TemplateFile t = new TemplateFile();
		t.household("H1", 1);
		Path gbk = t.write(dir, "gbk.csv", t.gbk());
		assertThat(CsvSource.open(gbk).charset()).isEqualTo(CsvSource.GB18030);
		assertThat(read(gbk, "gbk.csv").get(1).cell(TemplateColumn.NAME.ordinal())).isEqualTo("张测试甲");
		Path plain = t.write(dir, "plain.csv", t.csv(StandardCharsets.UTF_8, false));
		assertThat(CsvSource.open(plain).charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(read(plain, "plain.csv").get(1).cell(TemplateColumn.NAME.ordinal())).isEqualTo("张测试甲");
	}

	@Test
	void gb18030FourByteCharactersAreRead() throws IOException {
		Path file = dir.resolve("rare.csv");
		Files.write(file, "户编号,姓名\r\nH1,王\uD840\uDC00\r\n".getBytes(Charset.forName("GB18030")));
		assertThat(read(file, "rare.csv").get(1).cell(1)).isEqualTo("王\uD840\uDC00");
	}

	@Test
	void binaryOrUndecodableTextIsRefused() throws IOException {
		Path file = dir.resolve("junk.csv");
		byte[] junk = new byte[4096];
		new java.util.Random(7).nextBytes(junk);
		junk[0] = 1;
		Files.write(file, junk);
		assertProblem(() -> Spreadsheets.open(file, "junk.csv", SETTINGS), "imports.file.encoding");
	}

	@Test
	void xlsxMadeByPoiIsStreamedWithSharedStringsNumbersAsExcelShowsThemAndFormulasMarked() throws IOException {
		TemplateFile t = new TemplateFile();
		List<Map<TemplateColumn, String>> h = t.household("H1", 2);
		h.get(1).put(TemplateColumn.MONTHLY_INCOME, "=100+200");
		h.get(0).put(TemplateColumn.PHONE, "13812345678");
		List<SheetRow> rows = read(t.write(dir, "a.xlsx", t.xlsx()), "a.xlsx");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).cell(TemplateColumn.ID_NUMBER.ordinal())).isEqualTo("身份证号");
		assertThat(rows.get(1).cell(TemplateColumn.MONTHLY_INCOME.ordinal())).isEqualTo("1200.5");
		assertThat(rows.get(1).cell(TemplateColumn.ANNUAL_RENT.ordinal())).isEqualTo("9600");
		assertThat(rows.get(1).cell(TemplateColumn.ID_NUMBER.ordinal())).isEqualTo(h.get(0).get(TemplateColumn.ID_NUMBER));
		assertThat(rows.get(1).formula(TemplateColumn.MONTHLY_INCOME.ordinal())).isFalse();
		assertThat(rows.get(2).formula(TemplateColumn.MONTHLY_INCOME.ordinal())).isTrue();
		assertThat(rows.get(2).number()).isEqualTo(3);
	}

	@Test
	void excelNumbersKeepFifteenSignificantDigitsWithoutExponent() {
		assertThat(XlsxSource.number("13812345678")).isEqualTo("13812345678");
		assertThat(XlsxSource.number("1.1010519491231E+17")).isEqualTo("110105194912310000");
		assertThat(XlsxSource.number("0.30000000000000004")).isEqualTo("0.3");
		assertThat(XlsxSource.number("1200.50")).isEqualTo("1200.5");
		assertThat(XlsxSource.number("0")).isEqualTo("0");
		assertThat(XlsxSource.columnIndex("AB12")).isEqualTo(27);
		assertThat(Header.letters(27)).isEqualTo("AB");
	}

	@Test
	void aFileNamedXlsxThatIsNotAWorkbookIsRefusedByContent() throws IOException {
		TemplateFile t = new TemplateFile();
		t.household("H1", 1);
		Path csvNamedXlsx = t.write(dir, "fake.xlsx", t.csv());
		assertProblem(() -> Spreadsheets.open(csvNamedXlsx, "fake.xlsx", SETTINGS), "imports.file.notWorkbook");
		Path zip = dir.resolve("other.xlsx");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("word/document.xml"));
			out.write("<doc/>".getBytes(StandardCharsets.UTF_8));
		}
		assertProblem(() -> Spreadsheets.open(zip, "other.xlsx", SETTINGS), "imports.file.notWorkbook");
		Path xls = dir.resolve("old.xls");
		Files.write(xls, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1, 0, 0 });
		assertProblem(() -> Spreadsheets.open(xls, "old.xls", SETTINGS), "imports.file.xls");
	}

	@Test
	void aZipBombDisguisedAsXlsxIsRefusedBeforeItIsUnpacked() throws IOException {
		Path bomb = zipBomb(dir.resolve("bomb.xlsx"), 200);
		assertThat(Files.size(bomb)).isLessThan(1_000_000);
		assertProblem(() -> Spreadsheets.open(bomb, "bomb.xlsx", SETTINGS), "imports.file.zipBomb");
	}

	@Test
	void emptyAndOversizeFilesAreRefused() throws IOException {
		Path empty = Files.createFile(dir.resolve("empty.csv"));
		assertProblem(() -> Spreadsheets.open(empty, "empty.csv", SETTINGS), "imports.file.empty");
		Path big = dir.resolve("big.csv");
		Files.write(big, new byte[(int) DataSize.ofMegabytes(2).toBytes() + 1]);
		assertThatThrownBy(() -> Spreadsheets.open(big, "big.csv", SETTINGS)).isInstanceOfSatisfying(
				BangfuException.class, ex -> {
					assertThat(ex.messageKey()).isEqualTo("imports.file.tooLarge");
					assertThat(ex.problem()).isEqualTo(Problem.TOO_LARGE);
				});
	}

	@Test
	void headersMatchByChineseNameOrAliasInAnyOrderAndUnknownOnesAreListed() throws IOException {
		TemplateFile t = TemplateFile.withHeaders(" 姓名 ", "ID_NUMBER", "household_ref", "备注", "区划代码", "relation");
		t.household("H1", 1);
		FileSurvey survey = survey(t.write(dir, "h.csv", t.csv()));
		assertThat(survey.header.has(TemplateColumn.NAME)).isTrue();
		assertThat(survey.header.has(TemplateColumn.ID_NUMBER)).isTrue();
		assertThat(survey.header.label(TemplateColumn.ID_NUMBER)).isEqualTo("ID_NUMBER");
		assertThat(survey.header.unknown()).containsExactly(new Header.Unknown(3, "备注"));
		assertThat(survey.dataRows).isEqualTo(1);
	}

	@Test
	void duplicateOrMissingRequiredHeadersMakeTheFileUnusable() throws IOException {
		TemplateFile dup = TemplateFile.withHeaders("户编号", "区划代码", "姓名", "身份证号", "与户主关系", "name");
		dup.household("H1", 1);
		assertThatThrownBy(() -> survey(dup.write(dir, "dup.csv", dup.csv()))).isInstanceOfSatisfying(
				BangfuException.class, ex -> {
					assertThat(ex.messageKey()).isEqualTo("imports.header.duplicate");
					assertThat(ex.args()).containsExactly("姓名", "C", "F");
				});
		TemplateFile missing = TemplateFile.withHeaders("户编号", "姓名", "与户主关系");
		missing.household("H1", 1);
		assertThatThrownBy(() -> survey(missing.write(dir, "missing.csv", missing.csv()))).isInstanceOfSatisfying(
				BangfuException.class, ex -> {
					assertThat(ex.messageKey()).isEqualTo("imports.header.missing");
					assertThat(ex.args()).containsExactly("区划代码、身份证号");
				});
	}

	@Test
	void aHeaderWithoutRowsAndAFileOfBlankLinesAreRefused() throws IOException {
		Path header = dir.resolve("header.csv");
		Files.writeString(header, String.join(",", TemplateColumn.headers()) + "\r\n\r\n,,,\r\n");
		assertProblem(() -> survey(header), "imports.header.only");
		Path blank = dir.resolve("blank.csv");
		Files.writeString(blank, "\r\n,,\r\n\r\n");
		assertProblem(() -> survey(blank), "imports.file.empty");
	}

	@Test
	void theSurveyCountsRowsPerHouseholdFindsRepeatedIdNumbersAndRowsThatAreNotTogether() throws IOException {
		TemplateFile t = new TemplateFile();
		var a = t.household("A", 2);
		var b = t.household("B", 2);
		t.row(a.get(1)).put(TemplateColumn.NAME, "迟到的成员");
		b.get(1).put(TemplateColumn.ID_NUMBER, a.get(0).get(TemplateColumn.ID_NUMBER).toLowerCase());
		FileSurvey survey = survey(t.write(dir, "s.csv", t.csv()));
		assertThat(survey.dataRows).isEqualTo(5);
		assertThat(survey.rowsPerRef.get(FileSurvey.refKey("A"))).isEqualTo(3);
		assertThat(survey.scatteredRows).isEqualTo(3);
		assertThat(survey.repeatedIds).containsEntry(5L, 2L).containsEntry(6L, 3L).hasSize(2);
	}

	@Test
	void tooManyScatteredRowsAreRefusedBeforeAnythingIsWritten() throws IOException {
		ImportSettings tight = new ImportSettings(DataSize.ofMegabytes(2), DataSize.ofMegabytes(50), 500, 2, 30, 200);
		TemplateFile t = new TemplateFile();
		var a = t.household("A", 2);
		t.household("B", 1);
		t.row(a.get(0));
		Path file = t.write(dir, "s.csv", t.csv());
		try (SheetSource source = Spreadsheets.open(file, "s.csv", tight)) {
			assertThatThrownBy(() -> FileSurvey.of(source, tight)).isInstanceOfSatisfying(BangfuException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("imports.file.scattered"));
		}
	}

	@Test
	void theLongIntMapGrowsAndKeepsEveryEntry() {
		LongIntMap map = new LongIntMap(4);
		for (long k = -5000; k < 5000; k++) {
			map.add(k * 7919, (int) (k % 13));
		}
		assertThat(map.size()).isEqualTo(10_000);
		assertThat(map.get(7919L * 42)).isEqualTo(42 % 13);
		assertThat(map.putIfAbsent(Long.MIN_VALUE, 5)).isEqualTo(LongIntMap.MISSING);
		assertThat(map.get(Long.MIN_VALUE)).isEqualTo(5);
		assertThat(map.get(123456789L)).isEqualTo(LongIntMap.MISSING);
	}

	/** A workbook whose sheet is megabytes of one repeated byte: tiny on disk, huge unpacked. */
	static Path zipBomb(Path file, int megabytes) throws IOException {
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			out.putNextEntry(new ZipEntry("[Content_Types].xml"));
			out.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
				.getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("xl/workbook.xml"));
			out.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] spaces = new byte[1 << 20];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < megabytes; i++) {
				out.write(spaces);
			}
		}
		return file;
	}

	private List<SheetRow> read(Path file, String name) throws IOException {
		List<SheetRow> rows = new ArrayList<>();
		try (SheetSource source = Spreadsheets.open(file, name, SETTINGS)) {
			source.read(row -> {
				if (!row.blank()) {
					rows.add(row);
				}
				return true;
			});
		}
		return rows;
	}

	private FileSurvey survey(Path file) throws IOException {
		try (SheetSource source = Spreadsheets.open(file, file.getFileName().toString(), SETTINGS)) {
			return FileSurvey.of(source, SETTINGS);
		}
	}

	private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOfSatisfying(BangfuException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo(key));
	}

}
