package org.bangfu.registry.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bangfu.registry.TemplateColumn;

/** RFC 4180 CSV in UTF-8 with a byte order mark (so Excel reads the Chinese), the template's headers first. */
public final class CsvTemplateWriter implements TemplateWriter {

	private final CSVPrinter csv;

	private final String[] line = new String[TemplateColumn.COUNT];

	public CsvTemplateWriter(OutputStream out) throws IOException {
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		writer.write('\uFEFF');
		this.csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
		this.csv.printRecord((Object[]) TemplateColumn.headers());
	}

	@Override
	public void row(Object[] cells, boolean firstOfHousehold) throws IOException {
		for (int i = 0; i < cells.length; i++) {
			Object v = cells[i];
			line[i] = v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
		}
		csv.printRecord((Object[]) line);
	}

	@Override
	public void finish() throws IOException {
		csv.flush();
	}

	@Override
	public void close() {
		// the output stream belongs to the caller
	}

}
