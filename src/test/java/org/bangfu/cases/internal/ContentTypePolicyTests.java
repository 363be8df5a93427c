package org.bangfu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ContentTypePolicyTests {

	static final Path NONE = Path.of("/nonexistent");

	@Test
	void theContentDecidesNotTheName() {
		assertThat(ContentTypePolicy.detect("%PDF-1.7".getBytes(), NONE, "photo.jpg")).contains(ContentTypePolicy.PDF);
		assertThat(ContentTypePolicy.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, NONE, "a.pdf"))
			.contains(ContentTypePolicy.JPEG);
		assertThat(ContentTypePolicy.detect("MZ\u0090\u0000".getBytes(), NONE, "申请书.pdf")).isEmpty();
		assertThat(ContentTypePolicy.detect("<html><script>".getBytes(), NONE, "a.png")).isEmpty();
		assertThat(ContentTypePolicy.detect(new byte[] { 'P', 'K', 3, 4 }, NONE, "a.docx")).as("a ZIP that is no Office file")
			.isEmpty();
	}

	@Test
	void legacyOfficeFilesAreToldApartByName() {
		byte[] ole = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertThat(ContentTypePolicy.detect(ole, NONE, "收入.XLS")).contains("application/vnd.ms-excel");
		assertThat(ContentTypePolicy.detect(ole, NONE, "申请.doc")).contains("application/msword");
	}

	@Test
	void namesLoseTheirPathAndControlCharacters() {
		assertThat(ContentTypePolicy.safeName("C:\\Users\\x\\..\\申请书.pdf")).isEqualTo("申请书.pdf");
		assertThat(ContentTypePolicy.safeName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(ContentTypePolicy.safeName("a\"b\n.pdf")).isEqualTo("ab.pdf");
		assertThat(ContentTypePolicy.safeName("  ")).isEqualTo("document");
	}

}
