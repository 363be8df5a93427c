package org.bangfu.registry.importing;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.bangfu.platform.sheets.SheetErrorReport;
import org.bangfu.platform.sheets.SheetRow;
import org.springframework.context.MessageSource;

/**
 * The downloadable error report: the file's own header (its columns in its order) plus an error
 * column, then every rejected row with its original values and, in the error column, the row
 * number and each problem with its column, in the language of the person who imported. Written
 * by {@link SheetErrorReport} (streaming; cells are plain text, nothing is a formula).
 */
final class ErrorReport implements Closeable {

	private final Header header;

	private final MessageSource messages;

	private final Locale locale;

	private final SheetErrorReport report;

	ErrorReport(Path file, Header header, MessageSource messages, Locale locale) {
		this.header = header;
		this.messages = messages;
		this.locale = locale;
		this.report = new SheetErrorReport(file, header.row(), text("imports.report.sheet"),
				text("imports.report.errorColumn"));
	}

	/** Adds a rejected row with its problems; with none of its own, the note says which rows spoiled its household. */
	void add(SheetRow data, List<RowProblem> problems, RowProblem householdNote) {
		report.add(data, describe(data.number(), problems.isEmpty() ? List.of(householdNote) : problems));
	}

	int rows() {
		return report.rows();
	}

	/** "第 5 行：身份证号：…；性别：…" in the report's language. */
	String describe(long rowNumber, List<RowProblem> problems) {
		StringJoiner all = new StringJoiner(text("imports.report.separator"));
		for (RowProblem p : problems) {
			String message = messages.getMessage(p.key(), p.args().toArray(), p.key(), locale);
			all.add(p.column() == null ? message : text("imports.report.cell", header.label(p.column()), message));
		}
		return text("imports.report.row", String.valueOf(rowNumber), all.toString());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	@Override
	public void close() throws IOException {
		report.close();
	}

	/** Throws the rows away without writing the file. */
	void discard() throws IOException {
		report.discard();
	}

}
