package org.bangfu.registry.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;

/**
 * Opens an uploaded file by what it contains, not by its name: a zip is an .xlsx workbook (or
 * refused), an old OLE2 .xls is refused with advice, anything else must be CSV text. A file
 * called .xlsx that is not a zip is refused rather than read as text.
 */
final class Spreadsheets {

	private Spreadsheets() {
	}

	static SheetSource open(Path file, String originalName, ImportSettings settings) throws IOException {
		long size = Files.size(file);
		if (size == 0) {
			throw BangfuException.badField("file", "imports.file.empty");
		}
		if (size > settings.maxFileSize()) {
			throw tooLarge(settings);
		}
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(8);
		}
		if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)) {
			return XlsxSource.open(file, settings.maxUnpackedSize());
		}
		if (head.length == 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
				&& (head[3] & 0xFF) == 0xE0) {
			throw BangfuException.badField("file", "imports.file.xls");
		}
		String name = originalName == null ? "" : originalName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")) {
			throw BangfuException.badField("file", "imports.file.notWorkbook");
		}
		return CsvSource.open(file);
	}

	static BangfuException tooLarge(ImportSettings settings) {
		return new BangfuException(Problem.TOO_LARGE, "imports.file.tooLarge",
				Math.max(1, settings.maxFileSize() / (1024 * 1024)));
	}

}
