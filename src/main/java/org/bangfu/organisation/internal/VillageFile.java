package org.bangfu.organisation.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * A village file opened for streaming: plain or gzip-compressed CSV (recognised by its first
 * bytes, whatever its name), UTF-8 with or without a byte-order mark, first line = header.
 * Counts the file bytes read so far, to estimate how many rows there are in all.
 */
final class VillageFile implements Closeable {

	private final Counting counting;

	private final CSVParser csv;

	private VillageFile(Counting counting, CSVParser csv) {
		this.counting = counting;
		this.csv = csv;
	}

	static VillageFile open(Path file) throws IOException {
		return open(Files.newInputStream(file));
	}

	static VillageFile open(InputStream stream) throws IOException {
		Counting counting = new Counting(stream);
		try {
			BufferedInputStream in = new BufferedInputStream(counting, 64 * 1024);
			in.mark(2);
			int b1 = in.read();
			int b2 = in.read();
			in.reset();
			InputStream content = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
			BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 64 * 1024);
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			CSVParser csv = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true)
				.setAllowMissingColumnNames(true)
				.get()
				.parse(reader);
			return new VillageFile(counting, csv);
		}
		catch (IOException | RuntimeException ex) {
			counting.close();
			throw ex;
		}
	}

	CSVParser csv() {
		return csv;
	}

	long bytesRead() {
		return counting.count;
	}

	@Override
	public void close() throws IOException {
		csv.close();
		counting.close();
	}

	private static final class Counting extends FilterInputStream {

		long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buf, int off, int len) throws IOException {
			int n = super.read(buf, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}

	}

}
