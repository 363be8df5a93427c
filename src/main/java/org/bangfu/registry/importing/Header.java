package org.bangfu.registry.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.bangfu.platform.sheets.SheetRow;
import org.bangfu.registry.TemplateColumn;
import org.bangfu.shared.BangfuException;

/**
 * The header row of an uploaded sheet: which template column sits in which position (matched by
 * Chinese name or alias, any order), and the headers that are not template columns (warnings).
 * Duplicate template columns and missing required ones make the whole file unusable.
 */
final class Header {

	private final SheetRow row;

	private final Map<TemplateColumn, Integer> positions;

	private final List<Unknown> unknown;

	/** A header that is not a template column: its position (from 0) and text. */
	record Unknown(int position, String text) {
	}

	private Header(SheetRow row, Map<TemplateColumn, Integer> positions, List<Unknown> unknown) {
		this.row = row;
		this.positions = positions;
		this.unknown = unknown;
	}

	static Header of(SheetRow row) {
		Map<TemplateColumn, Integer> positions = new EnumMap<>(TemplateColumn.class);
		List<Unknown> unknown = new ArrayList<>();
		for (int i = 0; i < row.cells().length; i++) {
			String text = row.cell(i).strip();
			if (text.isEmpty() || text.equals("\uFEFF")) {
				continue;
			}
			var column = TemplateColumn.forHeader(text);
			if (column.isEmpty()) {
				unknown.add(new Unknown(i, text));
				continue;
			}
			Integer first = positions.putIfAbsent(column.get(), i);
			if (first != null) {
				throw BangfuException.badField("file", "imports.header.duplicate", column.get().header(),
						letters(first), letters(i));
			}
		}
		StringJoiner missing = new StringJoiner("、");
		for (TemplateColumn c : TemplateColumn.values()) {
			if (c.required() && !positions.containsKey(c)) {
				missing.add(c.header());
			}
		}
		if (missing.length() > 0) {
			throw BangfuException.badField("file", "imports.header.missing", missing.toString());
		}
		return new Header(row, positions, List.copyOf(unknown));
	}

	/** The header row as it was in the file. */
	SheetRow row() {
		return row;
	}

	boolean has(TemplateColumn column) {
		return positions.containsKey(column);
	}

	/** The cell of the column in a data row, stripped; empty when the file has no such column. */
	String value(SheetRow data, TemplateColumn column) {
		Integer p = positions.get(column);
		return p == null ? "" : data.cell(p).strip();
	}

	boolean formula(SheetRow data, TemplateColumn column) {
		Integer p = positions.get(column);
		return p != null && data.formula(p);
	}

	/** The column's header as the file spells it (Chinese name or alias). */
	String label(TemplateColumn column) {
		Integer p = positions.get(column);
		return p == null ? column.header() : row.cell(p).strip();
	}

	List<Unknown> unknown() {
		return unknown;
	}

	/** Spreadsheet column letters: 0 → A, 26 → AA. */
	static String letters(int position) {
		StringBuilder s = new StringBuilder();
		for (int n = position + 1; n > 0; n = (n - 1) / 26) {
			s.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return s.toString();
	}

}
