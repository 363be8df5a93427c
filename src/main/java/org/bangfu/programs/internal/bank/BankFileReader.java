package org.bangfu.programs.internal.bank;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bangfu.platform.sheets.XlsxSource;
import org.bangfu.programs.BankLayout;
import org.bangfu.programs.BankLayout.FileType;
import org.bangfu.shared.BangfuException;

/**
 * Reads a bank file (ours, to check it, or the bank's answer) line by line in the layout: text
 * decoded strictly in the layout's encoding (a file in another encoding is refused, not misread)
 * and split by its separator; xlsx row by row. Blank lines are skipped; a UTF-8 byte order mark is
 * dropped.
 */
public final class BankFileReader {

	private static final long MAX_UNPACKED = 2L * 1024 * 1024 * 1024;

	/** Receives each non-blank line with its number in the file (1-based). */
	@FunctionalInterface
	public interface LineHandler {

		void line(long number, String[] fields);

	}

	private BankFileReader() {
	}

	public static void read(BankLayout layout, Path file, LineHandler handler) throws IOException {
		if (layout.fileType() == FileType.XLSX) {
			if (!isZip(file)) {
				throw BangfuException.badField("file", "bank.file.notXlsx");
			}
			try (XlsxSource source = XlsxSource.open(file, MAX_UNPACKED)) {
				source.read(row -> {
					if (!row.blank()) {
						String[] cells = new String[row.cells().length];
						for (int i = 0; i < cells.length; i++) {
							cells[i] = row.cell(i);
						}
						handler.line(row.number(), cells);
					}
					return true;
				});
			}
			return;
		}
		if (isZip(file)) {
			throw BangfuException.badField("file", "bank.file.notText");
		}
		var decoder = layout.encoding().charset().newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = Files.newInputStream(file);
				Reader reader = new InputStreamReader(in, decoder);
				CSVParser parser = CSVParser.parse(reader, BankFileWriter.format(layout))) {
			boolean first = true;
			for (CSVRecord record : parser) {
				String[] fields = record.values();
				if (first && fields.length > 0 && fields[0].startsWith("\uFEFF")) {
					fields[0] = fields[0].substring(1);
				}
				first = false;
				if (fields.length == 1 && fields[0].isBlank()) {
					continue;
				}
				handler.line(record.getRecordNumber(), fields);
			}
		}
		catch (CharacterCodingException ex) {
			throw encoding(layout);
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CharacterCodingException) {
				throw encoding(layout);
			}
			throw ex;
		}
	}

	private static BangfuException encoding(BankLayout layout) {
		return BangfuException.badField("file", "bank.file.encoding", layout.encoding().label());
	}

	private static boolean isZip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(4);
			return head.length == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5);
		}
	}

}
