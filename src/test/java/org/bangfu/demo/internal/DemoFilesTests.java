package org.bangfu.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The demo's stand-in papers are well-formed PDFs: the cross-reference table points at each object. */
class DemoFilesTests {

	@Test
	void theCrossReferenceTablePointsAtEveryObjectAndTheTextIsOnThePage() {
		byte[] pdf = DemoFiles.pdf("Bangfu demo document APPLICATION for case C2026-000001 (大智)");
		String text = new String(pdf, StandardCharsets.US_ASCII);

		assertThat(text).startsWith("%PDF-1.4\n").endsWith("%%EOF\n");
		assertThat(text).contains("(Bangfu demo document APPLICATION for case C2026-000001 \\(??\\)) Tj");
		Matcher startxref = Pattern.compile("startxref\n(\\d+)\n").matcher(text);
		assertThat(startxref.find()).isTrue();
		assertThat(text.substring(Integer.parseInt(startxref.group(1)))).startsWith("xref\n0 6\n");
		Matcher entries = Pattern.compile("(\\d{10}) 00000 n").matcher(text);
		int object = 1;
		while (entries.find()) {
			assertThat(text.substring(Integer.parseInt(entries.group(1)))).startsWith(object + " 0 obj\n");
			object++;
		}
		assertThat(object).isEqualTo(6);
	}

}
