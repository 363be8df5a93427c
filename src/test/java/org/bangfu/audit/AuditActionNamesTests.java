package org.bangfu.audit;

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
 * The audit log page shows every action and object type by its name in Chinese and English,
 * never the code: each action written in the code (and each of the action families built from a
 * word) has a name in both bundles.
 */
class AuditActionNamesTests {

	/** audit.record("x.y", "type", …), new AuditEntry("x.y", "type", …) and cond ? "a.b" : "c.d". */
	private static final Pattern RECORDED = Pattern.compile(
			"(?:audit\\.record|AuditEntry)\\(\\s*(?:[a-z]+ \\? \"([a-z][A-Za-z.]+)\" : \"([a-z][A-Za-z.]+)\"|\"([a-z][A-Za-z.]*[A-Za-z])\")(?:,\\s*\"([a-zA-Z]+)\")?");

	private static final Pattern CHOSEN = Pattern.compile("\\? \"((?:checklist|standard)\\.[a-z]+)\" : \"((?:checklist|standard)\\.[a-z]+)\"");

	/** Actions made of a prefix and a word chosen at run time (cases' transitions, the register's changes). */
	private static final Set<String> BUILT = Set.of("case.open", "case.submit", "case.resubmit", "case.pass", "case.return",
			"case.reject", "case.approve", "case.withdraw", "household.draft", "household.file", "household.update",
			"household.close", "household.reopen", "household.exit", "household.correctStatus", "household.member.add", "household.member.moveIn",
			"household.member.moveOut", "household.member.remove", "household.member.update", "household.economics.add",
			"household.economics.correct", "household.economics.delete", "standard.add", "standard.end");

	@Test
	void everyAuditedActionAndObjectTypeHasANameInBothLanguages() throws IOException {
		Set<String> actions = new TreeSet<>(BUILT);
		Set<String> types = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String code = Files.readString(file);
				Matcher m = RECORDED.matcher(code);
				while (m.find()) {
					for (int g = 1; g <= 3; g++) {
						if (m.group(g) != null) {
							actions.add(m.group(g));
						}
					}
					if (m.group(4) != null) {
						types.add(m.group(4));
					}
				}
				Matcher c = CHOSEN.matcher(code);
				while (c.find()) {
					actions.add(c.group(1));
					actions.add(c.group(2));
				}
			}
		}
		actions.removeIf(a -> a.endsWith("."));
		assertThat(actions).as("actions found in the code").hasSizeGreaterThan(80).contains("case.view", "login.failed");
		for (String bundle : List.of("i18n/audit_zh_CN.properties", "i18n/audit_en.properties")) {
			Properties names = load(bundle);
			List<String> missing = new ArrayList<>();
			actions.stream().filter(a -> !names.containsKey("audit.action.name." + a)).forEach(missing::add);
			types.stream().filter(t -> !names.containsKey("audit.objectType.name." + t)).forEach(t -> missing.add("type " + t));
			assertThat(missing).as("audited actions and object types without a name in " + bundle).isEmpty();
		}
	}

	private static Properties load(String resource) throws IOException {
		Properties p = new Properties();
		try (InputStream in = AuditActionNamesTests.class.getClassLoader().getResourceAsStream(resource)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

}
