package org.bangfu.platform.sheets;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bangfu.shared.BangfuException;

/**
 * A CSV file (RFC 4180) in UTF-8, with or without a byte order mark, or in GB18030 (a superset
 * of GBK, what Excel on a Chinese Windows saves). The encoding is decided by decoding the whole
 * file strictly: UTF-8 when every byte sequence is valid UTF-8, otherwise GB18030 when that is
 * valid, otherwise the file is refused. Row numbers are those a spreadsheet shows.
 */
public final class CsvSource implements SheetSource {

	public static final Charset GB18030 = Charset.forName("GB18030");

	/** No line of the template comes near this; a longer one is not a household file. */
	public static final int MAX_LINE = 1 << 20;

	private final Path file;

	private final Charset charset;

	private final boolean bom;

	private CsvSource(Path file, Charset charset, boolean bom) {
		this.file = file;
		this.charset = charset;
		this.bom = bom;
	}

	public static CsvSource open(Path file) throws IOException {
		boolean bom = startsWithBom(file);
		if (bom) {
			if (!decodes(file, StandardCharsets.UTF_8, 3)) {
				throw unreadable();
			}
			return new CsvSource(file, StandardCharsets.UTF_8, true);
		}
		if (decodes(file, StandardCharsets.UTF_8, 0)) {
			return new CsvSource(file, StandardCharsets.UTF_8, false);
		}
		if (decodes(file, GB18030, 0)) {
			return new CsvSource(file, GB18030, false);
		}
		throw unreadable();
	}

	public Charset charset() {
		return charset;
	}

	@Override
	public void read(SheetRow.Handler handler) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			if (bom) {
				in.readNBytes(3);
			}
			Reader reader = new LineGuard(new InputStreamReader(in, charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)));
			CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
			try (CSVParser csv = CSVParser.builder().setReader(reader).setFormat(format).get()) {
				long lastLine = 0;
				try {
					for (CSVRecord record : csv) {
						lastLine = csv.getCurrentLineNumber();
						if (!handler.row(new SheetRow(record.getRecordNumber(), record.values(), null))) {
							return;
						}
					}
				}
				catch (UncheckedIOException ex) {
					Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
					if (cause instanceof LineTooLong) {
						throw BangfuException.badField("file", "imports.file.lineTooLong", MAX_LINE);
					}
					throw BangfuException.badField("file", "imports.file.malformedCsv", lastLine + 1);
				}
			}
		}
	}

	private static boolean startsWithBom(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(3);
			return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
		}
	}

	/** Whether the whole file (after skip bytes) is valid text in the charset, without NUL characters. */
	private static boolean decodes(Path file, Charset charset, int skip) throws IOException {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
		CharBuffer chars = CharBuffer.allocate(1 << 16);
		try (InputStream in = Files.newInputStream(file)) {
			in.skipNBytes(skip);
			boolean end = false;
			while (!end) {
				int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
				if (n < 0) {
					end = true;
				}
				else {
					bytes.position(bytes.position() + n);
				}
				bytes.flip();
				CoderResult result = decoder.decode(bytes, chars, end);
				if (result.isError()) {
					return false;
				}
				if (end && decoder.flush(chars).isError()) {
					return false;
				}
				chars.flip();
				while (chars.hasRemaining()) {
					if (chars.get() == 0) {
						return false;
					}
				}
				chars.clear();
				bytes.compact();
			}
			return !bytes.flip().hasRemaining();
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static BangfuException unreadable() {
		return BangfuException.badField("file", "imports.file.encoding");
	}

	/** Fails on a line longer than {@link #MAX_LINE} characters, so one giant cell cannot fill the memory. */
	private static final class LineGuard extends FilterReader {

		private int sinceNewline;

		LineGuard(Reader in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			count(c);
			return c;
		}

		@Override
		public int read(char[] buf, int off, int len) throws IOException {
			int n = super.read(buf, off, len);
			for (int i = 0; i < n; i++) {
				count(buf[off + i]);
			}
			return n;
		}

		private void count(int c) throws IOException {
			if (c == '\n') {
				sinceNewline = 0;
			}
			else if (c >= 0 && ++sinceNewline > MAX_LINE) {
				throw new LineTooLong();
			}
		}

	}

	private static final class LineTooLong extends IOException {

		LineTooLong() {
			super("line too long");
		}

	}

}
