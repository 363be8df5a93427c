package org.bangfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text the user sees comes from the bundles, in both languages: each bundle has the
 * same keys in Chinese (default and zh_CN) and English, no value is empty, and every key
 * used by a template or by Java code exists.
 */
class I18nCompletenessTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)");

	private static final Pattern JAVA_KEY = Pattern.compile(
			"(?:badField\\(\"[^\"]*\",\\s*|notFound\\(|BangfuException\\(Problem\\.[A-Z_]+,\\s*|messages\\.get\\(|problem\\([^,]+,\\s*\\d+,\\s*|write\\([^,]+,[^,]+,\\s*\\d+,\\s*)\"([a-zA-Z][A-Za-z0-9_.]+)\"");

	private static final Pattern VALIDATION_KEY = Pattern.compile("message\\s*=\\s*\"\\{([^}]+)}\"");

	@Test
	void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
		for (String basename : basenames()) {
			Properties zh = load(basename + ".properties");
			Properties zhCn = load(basename + "_zh_CN.properties");
			Properties en = load(basename + "_en.properties");
			assertThat(zhCn.stringPropertyNames()).as(basename + "_zh_CN keys").isEqualTo(zh.stringPropertyNames());
			assertThat(en.stringPropertyNames()).as(basename + "_en keys").isEqualTo(zh.stringPropertyNames());
			for (Properties p : List.of(zh, zhCn, en)) {
				p.forEach((k, v) -> assertThat(v.toString()).as(basename + " " + k).isNotBlank());
			}
		}
	}

	@Test
	void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
		Set<String> known = new TreeSet<>();
		for (String basename : basenames()) {
			known.addAll(load(basename + ".properties").stringPropertyNames());
		}
		Set<String> used = new TreeSet<>();
		scan(RESOURCES.resolve("templates"), ".html", TEMPLATE_KEY, used);
		scan(Path.of("src/main/java"), ".java", JAVA_KEY, used);
		scan(Path.of("src/main/java"), ".java", VALIDATION_KEY, used);
		assertThat(used).as("keys used").isNotEmpty();
		List<String> missing = new ArrayList<>();
		for (String key : used) {
			boolean dynamicPrefix = key.endsWith(".") && known.stream().anyMatch(k -> k.startsWith(key));
			if (!known.contains(key) && !dynamicPrefix) {
				missing.add(key);
			}
		}
		assertThat(missing).as("keys used but missing from the bundles").isEmpty();
	}

	@Test
	void templatesHaveNoInlineScriptsOrStylesThatTheContentSecurityPolicyWouldBlock() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				assertThat(html).as(file + " inline style").doesNotContain(" style=\"");
				assertThat(html).as(file + " inline handler").doesNotContainPattern(" on[a-z]+=\"");
				assertThat(html).as(file + " inline script").doesNotContainPattern("<script(?![^>]*\\bth:src=)(?![^>]*\\bsrc=)[^>]*>");
			}
		}
	}

	static List<String> basenames() throws IOException {
		Properties app = new Properties();
		try (InputStream in = Files.newInputStream(RESOURCES.resolve("application.properties"))) {
			app.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return List.of(app.getProperty("spring.messages.basename").split(",")).stream().map(String::trim).toList();
	}

	private static Properties load(String name) throws IOException {
		Path file = RESOURCES.resolve(name);
		assertThat(file).as(name).exists();
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	private static void scan(Path root, String suffix, Pattern pattern, Set<String> into) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
				Matcher m = pattern.matcher(Files.readString(file));
				while (m.find()) {
					into.add(m.group(1));
				}
			}
		}
	}

}
