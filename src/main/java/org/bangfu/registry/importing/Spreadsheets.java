package org.bangfu.registry.importing;

import java.io.IOException;
import java.nio.file.Path;

import org.bangfu.platform.sheets.SheetSource;
import org.bangfu.shared.BangfuException;

/**
 * Opens an uploaded household file by what it contains (see
 * {@link org.bangfu.platform.sheets.Spreadsheets}) within the import's limits.
 */
final class Spreadsheets {

	private Spreadsheets() {
	}

	static SheetSource open(Path file, String originalName, ImportSettings settings) throws IOException {
		return org.bangfu.platform.sheets.Spreadsheets.open(file, originalName, settings.maxFileSize(),
				settings.maxUnpackedSize());
	}

	static BangfuException tooLarge(ImportSettings settings) {
		return org.bangfu.platform.sheets.Spreadsheets.tooLarge(settings.maxFileSize());
	}

}
