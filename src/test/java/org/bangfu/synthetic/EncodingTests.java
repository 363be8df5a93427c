package org.bangfu.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UTF-8 files start with a byte order mark; GB18030 files have none and decode to the same Chinese text. */
class EncodingTests {

	@TempDir
	Path dir;

	@Test
	void utf8StartsWithAByteOrderMarkAndTheChineseHeader() throws Exception {
		GeneratorOptions options = GeneratedFile.generate(this.dir, "u.csv", 100, 1, 0, "utf-8", null);

		byte[] bytes = Files.readAllBytes(options.out());
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("\uFEFF户编号,区划代码,姓名,身份证号,与户主关系");
	}

	@Test
	void gb18030DecodesToTheSameTextAsUtf8() throws Exception {
		GeneratorOptions utf8 = GeneratedFile.generate(this.dir, "u.csv", 2_000, 8, 0.01, "utf-8", null);
		GeneratorOptions gb = GeneratedFile.generate(this.dir, "g.csv", 2_000, 8, 0.01, "GB18030", null);

		byte[] gbBytes = Files.readAllBytes(gb.out());
		assertThat(gbBytes[0]).isNotEqualTo((byte) 0xEF);
		assertThat(new String(gbBytes, StandardCharsets.UTF_8)).doesNotContain("户编号");
		String decoded = new String(gbBytes, Charset.forName("GB18030"));
		assertThat(decoded).startsWith("户编号,区划代码,姓名").contains("户主", "配偶", "低保");
		assertThat("\uFEFF" + decoded).isEqualTo(Files.readString(utf8.out(), StandardCharsets.UTF_8));
	}

}
