package org.bangfu.registry.importing;

import java.io.IOException;
import java.nio.file.Path;

/** Zip bombs disguised as workbooks, for tests outside this package. */
public final class SpreadsheetBombs {

	private SpreadsheetBombs() {
	}

	public static Path bomb(Path file, int megabytes) throws IOException {
		return SpreadsheetReadingTests.zipBomb(file, megabytes);
	}

}
