package org.bangfu.platform.sheets;

import java.util.BitSet;

/**
 * One row of an uploaded sheet as it was written: its spreadsheet row number (the header is
 * usually row 1), the cell texts by column index, and the columns that held a formula.
 */
public record SheetRow(long number, String[] cells, BitSet formulas) {

	public String cell(int column) {
		if (column < 0 || column >= cells.length || cells[column] == null) {
			return "";
		}
		return cells[column];
	}

	public boolean formula(int column) {
		return formulas != null && formulas.get(column);
	}

	public boolean blank() {
		for (String c : cells) {
			if (c != null && !c.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** Reads a sheet row by row. */
	@FunctionalInterface
	public interface Handler {

		/** Handles the row; false stops the reading. */
		boolean row(SheetRow row) throws java.io.IOException;

	}

}
