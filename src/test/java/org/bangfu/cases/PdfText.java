package org.bangfu.cases;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** The text of a PDF as a reader would copy it (OpenPDF's extractor), without spaces and line breaks. */
final class PdfText {

	private PdfText() {
	}

	static String of(byte[] pdf) {
		try {
			PdfReader reader = new PdfReader(pdf);
			try {
				PdfTextExtractor extractor = new PdfTextExtractor(reader);
				StringBuilder b = new StringBuilder();
				for (int p = 1; p <= reader.getNumberOfPages(); p++) {
					b.append(extractor.getTextFromPage(p));
				}
				return b.toString().replaceAll("\\s", "");
			}
			finally {
				reader.close();
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
