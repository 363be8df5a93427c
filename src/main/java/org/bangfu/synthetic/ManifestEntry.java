package org.bangfu.synthetic;

/**
 * One planted defect: the household, the spreadsheet row numbers that carry it (header = row 1,
 * several separated by spaces), the column header, the kind and a note.
 */
public record ManifestEntry(String householdRef, String rows, String column, Defect defect, String detail) {

	static final String HEADER = "household_ref,rows,column,defect,detail";

	String csvLine() {
		return this.householdRef + ',' + this.rows + ',' + this.column + ',' + this.defect.code() + ','
				+ CsvHouseholdSink.quote(this.detail);
	}

}
