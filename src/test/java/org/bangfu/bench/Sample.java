package org.bangfu.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bangfu.registry.TemplateColumn;

/**
 * Random keys for the lookup measurements, read from the generated file in one streaming
 * pass: a reservoir sample of ID numbers and names, and the counties that occur.
 */
record Sample(List<String> idNumbers, List<String> namePrefixes, List<String> counties, long rows) {

	static Sample of(Path csv, int size, long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		List<String> ids = new ArrayList<>(size);
		List<String> names = new ArrayList<>(size);
		TreeSet<String> counties = new TreeSet<>();
		long seen = 0;
		try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
			int idColumn = -1;
			int nameColumn = -1;
			int regionColumn = -1;
			var parser = format.parse(in);
			List<String> headers = parser.getHeaderNames();
			for (int i = 0; i < headers.size(); i++) {
				String h = headers.get(i).replace("\uFEFF", "");
				if (h.equals(TemplateColumn.ID_NUMBER.header())) {
					idColumn = i;
				}
				else if (h.equals(TemplateColumn.NAME.header())) {
					nameColumn = i;
				}
				else if (h.equals(TemplateColumn.REGION_CODE.header())) {
					regionColumn = i;
				}
			}
			for (CSVRecord r : parser) {
				seen++;
				if (r.get(regionColumn).length() >= 6) {
					counties.add(r.get(regionColumn).substring(0, 6));
				}
				if (ids.size() < size) {
					ids.add(r.get(idColumn));
					names.add(r.get(nameColumn).substring(0, 1));
				}
				else {
					long j = rnd.nextLong(seen);
					if (j < size) {
						ids.set((int) j, r.get(idColumn));
						names.set((int) j, r.get(nameColumn).substring(0, 1));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Sample(ids, names, List.copyOf(counties), seen);
	}

}
