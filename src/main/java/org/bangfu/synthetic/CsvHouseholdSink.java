package org.bangfu.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** RFC 4180 CSV (CRLF line ends), UTF-8 with a byte order mark or GB18030 without; quotes only where needed. */
final class CsvHouseholdSink implements HouseholdSink {

	private final Writer out;

	CsvHouseholdSink(Path file, Charset charset) throws IOException {
		this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset), 1 << 20);
		if (charset.equals(StandardCharsets.UTF_8)) {
			this.out.write('\uFEFF');
		}
	}

	@Override
	public void row(String[] cells) throws IOException {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				this.out.write(',');
			}
			String v = cells[i];
			if (v != null && !v.isEmpty()) {
				this.out.write(needsQuotes(v) ? quote(v) : v);
			}
		}
		this.out.write("\r\n");
	}

	@Override
	public void close() throws IOException {
		this.out.close();
	}

	static String quote(String v) {
		if (v == null || !needsQuotes(v)) {
			return v == null ? "" : v;
		}
		return '"' + v.replace("\"", "\"\"") + '"';
	}

	private static boolean needsQuotes(String v) {
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

}
