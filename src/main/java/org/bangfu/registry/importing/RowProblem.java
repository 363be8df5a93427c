package org.bangfu.registry.importing;

import java.util.Arrays;
import java.util.List;

import org.bangfu.registry.TemplateColumn;

/**
 * A problem with a row: its spreadsheet row number, the template column (null for the whole row),
 * and a message key with its arguments, so each reader gets it in their own language.
 */
record RowProblem(long row, TemplateColumn column, String key, List<String> args) {

	static RowProblem of(long row, TemplateColumn column, String key, Object... args) {
		return new RowProblem(row, column, key, Arrays.stream(args).map(String::valueOf).toList());
	}

}
