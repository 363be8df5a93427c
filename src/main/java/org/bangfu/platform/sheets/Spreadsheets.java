package org.bangfu.platform.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;

/**
 * Opens an uploaded file by what it contains, not by its name: a zip is an .xlsx workbook (or
 * refused; zip bombs refused before POI opens it), an old OLE2 .xls is refused with advice,
 * anything else must be CSV text (UTF-8 with or without BOM, or GB18030). A file called .xlsx
 * that is not a zip is refused rather than read as text. Problems are {@code imports.file.*}
 * messages on the field {@code file}.
 */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	/**
	 * @param maxFileSize the largest file accepted, in bytes
	 * @param maxUnpacked how much a workbook may unpack to, in bytes
	 */
	public static SheetSource open(Path file, String originalName, long maxFileSize, long maxUnpacked)
			throws IOException {
		long size = Files.size(file);
		if (size == 0) {
			throw BangfuException.badField("file", "imports.file.empty");
		}
		if (size > maxFileSize) {
			throw tooLarge(maxFileSize);
		}
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(8);
		}
		if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)) {
			return XlsxSource.open(file, maxUnpacked);
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

	public static BangfuException tooLarge(long maxFileSize) {
		return new BangfuException(Problem.TOO_LARGE, "imports.file.tooLarge", Math.max(1, maxFileSize / (1024 * 1024)));
	}

}
