package org.bangfu.platform.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.bangfu.shared.BangfuException;

/**
 * The first worksheet of an .xlsx workbook, streamed with StAX over the sheet's XML (never the
 * whole workbook in memory; the shared strings table is). Before POI opens it, the zip's
 * directory is checked against a zip bomb: too much unpacked data in all or a compression ratio
 * over 100:1 in a large entry. POI's own ZipSecureFile guard checks the bytes really inflated.
 * Numbers are given as Excel shows them in General format (15 significant digits); a cell with a
 * formula is marked so the import can refuse it.
 */
public final class XlsxSource implements SheetSource {

	public static final int MAX_ENTRIES = 10_000;

	public static final long MAX_RATIO = 100;

	private static final MathContext EXCEL_PRECISION = new MathContext(15);

	private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory();

	private final OPCPackage pkg;

	private final XSSFReader reader;

	private final ReadOnlySharedStringsTable strings;

	private XlsxSource(OPCPackage pkg, XSSFReader reader, ReadOnlySharedStringsTable strings) {
		this.pkg = pkg;
		this.reader = reader;
		this.strings = strings;
	}

	public static XlsxSource open(Path file, long maxUnpacked) throws IOException {
		checkZip(file, maxUnpacked);
		OPCPackage pkg = null;
		try {
			pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw BangfuException.badField("file", "imports.file.noSheet");
			}
			return new XlsxSource(pkg, reader, strings);
		}
		catch (BangfuException ex) {
			revert(pkg);
			throw ex;
		}
		catch (Exception ex) {
			revert(pkg);
			throw refusal(ex);
		}
	}

	@Override
	public void read(SheetRow.Handler handler) throws IOException {
		Iterator<InputStream> sheets;
		try {
			sheets = reader.getSheetsData();
		}
		catch (Exception ex) {
			throw refusal(ex);
		}
		try (InputStream in = sheets.next()) {
			XMLStreamReader xml = XML.createXMLStreamReader(in);
			try {
				parse(xml, handler);
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException ex) {
			throw BangfuException.badField("file", "imports.file.notWorkbook");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof BangfuException b) {
				throw b;
			}
			throw refusal(ex);
		}
	}

	@Override
	public void close() {
		revert(pkg);
	}

	private void parse(XMLStreamReader xml, SheetRow.Handler handler) throws XMLStreamException, IOException {
		List<String> cells = new ArrayList<>();
		BitSet formulas = null;
		long rowNumber = 0;
		int column = -1;
		String type = null;
		String value = null;
		boolean formula = false;
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				switch (xml.getLocalName()) {
					case "row" -> {
						String r = xml.getAttributeValue(null, "r");
						rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
						cells.clear();
						formulas = null;
						column = -1;
					}
					case "c" -> {
						String ref = xml.getAttributeValue(null, "r");
						column = ref == null ? column + 1 : columnIndex(ref);
						type = xml.getAttributeValue(null, "t");
						value = null;
						formula = false;
					}
					case "f" -> {
						formula = true;
						skip(xml);
					}
					case "v" -> value = xml.getElementText();
					case "is" -> value = inlineText(xml);
					default -> {
					}
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				switch (xml.getLocalName()) {
					case "c" -> {
						while (cells.size() <= column) {
							cells.add(null);
						}
						cells.set(column, resolve(type, value));
						if (formula) {
							formulas = formulas == null ? new BitSet() : formulas;
							formulas.set(column);
						}
					}
					case "row" -> {
						if (!handler.row(new SheetRow(rowNumber, cells.toArray(String[]::new), formulas))) {
							return;
						}
					}
					case "sheetData" -> {
						return;
					}
					default -> {
					}
				}
			}
		}
	}

	private String resolve(String type, String value) {
		if (value == null) {
			return null;
		}
		if (type == null || type.equals("n")) {
			return number(value);
		}
		return switch (type) {
			case "s" -> sharedString(value);
			case "b" -> "1".equals(value) ? "TRUE" : "FALSE";
			default -> value;
		};
	}

	private String sharedString(String index) {
		try {
			return strings.getItemAt(Integer.parseInt(index.strip())).getString();
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	/** A number as Excel's General format shows it: at most 15 significant digits, no exponent, no trailing zeros. */
	public static String number(String raw) {
		try {
			BigDecimal d = new BigDecimal(raw.strip()).round(EXCEL_PRECISION).stripTrailingZeros();
			return d.signum() == 0 ? "0" : d.toPlainString();
		}
		catch (NumberFormatException ex) {
			return raw;
		}
	}

	/** The text of an inline string: its t elements, runs included, phonetic hints left out. */
	private static String inlineText(XMLStreamReader xml) throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		int depth = 1;
		while (depth > 0 && xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (xml.getLocalName().equals("rPh")) {
					skip(xml);
				}
				else if (xml.getLocalName().equals("t")) {
					text.append(xml.getElementText());
				}
				else {
					depth++;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		return text.toString();
	}

	private static void skip(XMLStreamReader xml) throws XMLStreamException {
		int depth = 1;
		while (depth > 0 && xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/** "AB12" → 27. */
	public static int columnIndex(String ref) {
		int n = 0;
		for (int i = 0; i < ref.length(); i++) {
			char c = ref.charAt(i);
			if (c < 'A' || c > 'Z') {
				break;
			}
			n = n * 26 + (c - 'A' + 1);
		}
		return n - 1;
	}

	/** Refuses a zip whose directory promises too much unpacked data, too many entries or a bomb's ratio. */
	public static void checkZip(Path file, long maxUnpacked) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			long total = 0;
			int entries = 0;
			Enumeration<? extends ZipEntry> all = zip.entries();
			while (all.hasMoreElements()) {
				ZipEntry e = all.nextElement();
				if (++entries > MAX_ENTRIES) {
					throw BangfuException.badField("file", "imports.file.zipBomb");
				}
				long size = e.getSize();
				long packed = e.getCompressedSize();
				total += Math.max(0, size);
				if (size > maxUnpacked || total > maxUnpacked
						|| (packed > 0 && size > (1 << 20) && size / packed > MAX_RATIO)) {
					throw BangfuException.badField("file", "imports.file.zipBomb");
				}
			}
		}
		catch (IOException ex) {
			throw BangfuException.badField("file", "imports.file.notWorkbook");
		}
	}

	private static BangfuException refusal(Exception ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
			if (m.contains("zip bomb") || m.contains("inflate ratio") || m.contains("max entry size")
					|| m.contains("text size")) {
				return BangfuException.badField("file", "imports.file.zipBomb");
			}
		}
		return BangfuException.badField("file", "imports.file.notWorkbook");
	}

	private static void revert(OPCPackage pkg) {
		if (pkg != null) {
			pkg.revert();
		}
	}

}
