package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A generated CSV read back as an importer would: header, rows with their spreadsheet row numbers, households. */
final class GeneratedFile {

	final List<String> header;

	final List<Row> rows = new ArrayList<>();

	final Map<String, List<Row>> households = new LinkedHashMap<>();

	record Row(long number, String[] cells) {

		String get(TemplateColumn c) {
			return this.cells[c.ordinal()];
		}

		boolean isHead() {
			return get(TemplateColumn.RELATION).equals("户主");
		}

	}

	private GeneratedFile(List<String> header) {
		this.header = header;
	}

	static GeneratedFile read(Path file) throws IOException {
		return read(file, StandardCharsets.UTF_8);
	}

	static GeneratedFile read(Path file, Charset charset) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, charset)) {
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			try (CSVParser csv = CSVFormat.DEFAULT.parse(reader)) {
				GeneratedFile f = null;
				long number = 1;
				for (CSVRecord r : csv) {
					String[] cells = r.values();
					if (f == null) {
						f = new GeneratedFile(List.of(cells));
						continue;
					}
					Row row = new Row(++number, cells);
					f.rows.add(row);
					f.households.computeIfAbsent(row.get(TemplateColumn.HOUSEHOLD_REF), k -> new ArrayList<>()).add(row);
				}
				return f;
			}
		}
	}

	/** The manifest beside a data file, as (household_ref, rows, column, defect) lines. */
	static List<List<String>> manifest(Path file) throws IOException {
		List<List<String>> lines = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
			for (CSVRecord r : csv) {
				lines.add(List.of(r.get("household_ref"), r.get("rows"), r.get("column"), r.get("defect")));
			}
		}
		return lines;
	}

	/** Generates into {@code dir}/{@code name} and returns the options used. */
	static GeneratorOptions generate(Path dir, String name, long count, long seed, double badFraction, String encoding,
			String county) throws IOException {
		GeneratorOptions options = new GeneratorOptions(count, seed, dir.resolve(name), badFraction,
				GeneratorOptions.charset(encoding), county, GeneratorOptions.AS_OF);
		new HouseholdGenerator(options).generate();
		return options;
	}

}
