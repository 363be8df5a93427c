package org.bangfu.cases.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * The type of an uploaded document, decided by its content (magic bytes), never by its name:
 * PDF, JPEG, PNG, Office Open XML (docx/xlsx/pptx: a ZIP with [Content_Types].xml and the part
 * folder) and legacy Office (OLE2; the name only tells Word from Excel or PowerPoint). Anything
 * else is refused.
 */
public final class ContentTypePolicy {

	public static final String PDF = "application/pdf";

	public static final String JPEG = "image/jpeg";

	public static final String PNG = "image/png";

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	private ContentTypePolicy() {
	}

	/**
	 * @param head the first bytes of the file (at least 8 when the file is that long)
	 * @param file the stored file (opened only for ZIP-based Office formats)
	 * @param fileName the name the user gave (only to tell legacy Office kinds apart)
	 */
	public static Optional<String> detect(byte[] head, Path file, String fileName) {
		if (startsWith(head, "%PDF-".getBytes())) {
			return Optional.of(PDF);
		}
		if (startsWith(head, PNG_MAGIC)) {
			return Optional.of(PNG);
		}
		if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, new byte[] { 'P', 'K', 3, 4 })) {
			return officeOpenXml(file);
		}
		if (startsWith(head, OLE2_MAGIC)) {
			String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
			if (name.endsWith(".xls")) {
				return Optional.of("application/vnd.ms-excel");
			}
			if (name.endsWith(".ppt")) {
				return Optional.of("application/vnd.ms-powerpoint");
			}
			return Optional.of("application/msword");
		}
		return Optional.empty();
	}

	private static Optional<String> officeOpenXml(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.getEntry("[Content_Types].xml") == null) {
				return Optional.empty();
			}
			if (zip.getEntry("word/document.xml") != null) {
				return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
			}
			if (zip.getEntry("xl/workbook.xml") != null) {
				return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			}
			if (zip.getEntry("ppt/presentation.xml") != null) {
				return Optional.of("application/vnd.openxmlformats-officedocument.presentationml.presentation");
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static boolean startsWith(byte[] head, byte[] magic) {
		if (head.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** The last path segment of a user's file name, without control characters, at most 200 characters. */
	public static String safeName(String fileName) {
		String n = fileName == null ? "" : fileName.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (n.isEmpty()) {
			n = "document";
		}
		return n.length() > 200 ? n.substring(n.length() - 200) : n;
	}

}
