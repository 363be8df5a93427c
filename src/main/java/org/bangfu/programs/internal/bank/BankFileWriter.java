package org.bangfu.programs.internal.bank;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bangfu.programs.BankColumn;
import org.bangfu.programs.BankLayout;
import org.bangfu.programs.BankLayout.FileType;
import org.bangfu.programs.BankLayout.SummaryPosition;

/**
 * Writes a bank file in a layout: the summary line first or last, one detail line per payment, the
 * layout's columns in its order. Text goes through a CSV printer with the layout's separator and
 * line end and no quoting (fields never hold the separator: they were refused before), encoded
 * strictly (a character the encoding cannot hold fails rather than turning into {@code ?}); xlsx is
 * streamed with POI, every cell text. A verification file leaves out the amount columns.
 */
public final class BankFileWriter {

	static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	/** The summary line's values. */
	public record Header(String payerName, String payerAccount, LocalDate fileDate, String batchNo, int count,
			long totalFen) {
	}

	/** One detail line in clear, as it goes into the file. */
	public record Line(int seq, String payeeName, String account, String idTypeCode, String idNumber, Long amountFen,
			String purpose, String remark) {
	}

	/** The detail lines in 序号 order, handed to the writer one by one. */
	@FunctionalInterface
	public interface Lines {

		void forEach(Consumer<Line> sink);

	}

	private BankFileWriter() {
	}

	public static CSVFormat format(BankLayout layout) {
		return CSVFormat.Builder.create()
			.setDelimiter(layout.separator())
			.setQuote((Character) null)
			.setEscape((Character) null)
			.setRecordSeparator(layout.lineEnd().text())
			.setIgnoreEmptyLines(true)
			.get();
	}

	/** The columns a file of this kind has: a verification file has no amounts. */
	public static List<BankColumn> columns(BankLayout layout, BankColumn.Line line, boolean withAmounts) {
		return layout.columns(line)
			.stream()
			.filter(c -> withAmounts || (c != BankColumn.AMOUNT && c != BankColumn.TOTAL_AMOUNT))
			.toList();
	}

	public static void write(BankLayout layout, boolean withAmounts, Header header, Lines lines, OutputStream out)
			throws IOException {
		List<String> summary = summary(layout, withAmounts, header);
		if (layout.fileType() == FileType.XLSX) {
			xlsx(layout, withAmounts, summary, lines, out);
			return;
		}
		var encoder = layout.encoding().charset().newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, encoder), 64 * 1024);
		try (CSVPrinter printer = new CSVPrinter(writer, format(layout))) {
			if (layout.summaryPosition() == SummaryPosition.FIRST) {
				printer.printRecord(summary);
			}
			lines.forEach(line -> {
				try {
					printer.printRecord(detail(layout, withAmounts, line));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			if (layout.summaryPosition() == SummaryPosition.LAST) {
				printer.printRecord(summary);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static void xlsx(BankLayout layout, boolean withAmounts, List<String> summary, Lines lines,
			OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Sheet sheet = workbook.createSheet("代发");
			int[] row = { 0 };
			if (layout.summaryPosition() == SummaryPosition.FIRST) {
				cells(sheet.createRow(row[0]++), summary);
			}
			lines.forEach(line -> cells(sheet.createRow(row[0]++), detail(layout, withAmounts, line)));
			if (layout.summaryPosition() == SummaryPosition.LAST) {
				cells(sheet.createRow(row[0]++), summary);
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
		}
	}

	private static void cells(Row row, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			row.createCell(i).setCellValue(values.get(i));
		}
	}

	static List<String> summary(BankLayout layout, boolean withAmounts, Header h) {
		List<String> values = new ArrayList<>();
		for (BankColumn c : columns(layout, BankColumn.Line.SUMMARY, withAmounts)) {
			values.add(switch (c) {
				case RECORD_TYPE -> "H";
				case PAYER_NAME -> h.payerName();
				case PAYER_ACCOUNT -> h.payerAccount();
				case FILE_DATE -> h.fileDate().format(DATE);
				case BATCH_NO -> h.batchNo();
				case TOTAL_COUNT -> Integer.toString(h.count());
				case TOTAL_AMOUNT -> BankAmounts.format(h.totalFen(), layout.amountUnit());
				default -> "";
			});
		}
		return values;
	}

	static List<String> detail(BankLayout layout, boolean withAmounts, Line l) {
		List<String> values = new ArrayList<>();
		for (BankColumn c : columns(layout, BankColumn.Line.DETAIL, withAmounts)) {
			values.add(switch (c) {
				case RECORD_TYPE -> "D";
				case SEQ -> Integer.toString(l.seq());
				case PAYEE_NAME -> l.payeeName();
				case ACCOUNT -> l.account();
				case AMOUNT -> BankAmounts.format(l.amountFen(), layout.amountUnit());
				case ID_TYPE -> l.idTypeCode();
				case ID_NUMBER -> l.idNumber();
				case PURPOSE -> l.purpose();
				case REMARK -> l.remark() == null ? "" : l.remark();
				default -> "";
			});
		}
		return values;
	}

}
