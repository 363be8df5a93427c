package org.bangfu.identification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.identification.RuleRow;
import org.bangfu.identification.RuleSetContent;
import org.bangfu.identification.TestCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bangfu.platform.StartupData;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the rule sets shipped as JSON under {@code identification/rule-sets/} on start: each
 * one whose code does not exist yet becomes version 1, owned by the platform root, active
 * from 2000-01-01. Existing codes are left alone (administrators' edits are never undone).
 */
@Component
@org.springframework.core.annotation.Order(20)
class ShippedRuleSets implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(ShippedRuleSets.class);

	static final LocalDate SHIPPED_FROM = LocalDate.of(2000, 1, 1);

	private final JdbcClient jdbc;

	private final RuleSetStore store;

	private final RuleCompiler compiler;

	private final TransactionTemplate tx;

	ShippedRuleSets(JdbcClient jdbc, RuleSetStore store, RuleCompiler compiler, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.store = store;
		this.compiler = compiler;
		this.tx = tx;
	}

	/** The document of a shipped rule set. */
	record Shipped(String code, String nameZh, String nameEn, String description, List<RuleRow> rows,
			String defaultOutcome, String defaultLabelZh, String defaultLabelEn, List<TestCase> testCases) {

		RuleSetContent content() {
			return new RuleSetContent(nameZh, nameEn, description, rows, defaultOutcome, defaultLabelZh, defaultLabelEn,
					testCases);
		}

	}

	static List<Shipped> read() throws IOException {
		List<Shipped> out = new ArrayList<>();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:identification/rule-sets/*.json");
		for (Resource r : files) {
			try (InputStream in = r.getInputStream()) {
				out.add(Json.MAPPER.readValue(in, Shipped.class));
			}
		}
		out.sort(java.util.Comparator.comparing(Shipped::code));
		return out;
	}

	@Override
	public void load() throws IOException {
		List<Shipped> shipped = read();
		tx.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identification_shipped_rule_sets'))").query(Object.class).single();
			long root = jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY id LIMIT 1").query(Long.class).single();
			for (Shipped s : shipped) {
				if (store.codeExists(s.code())) {
					continue;
				}
				List<String> kinds = List.copyOf(compiler.compile(s.content()).kinds());
				long id = store.insert(s.code(), 1, root, s.content(), kinds, true, "system");
				store.activate(id, s.code(), SHIPPED_FROM, "system");
				log.info("Loaded shipped rule set {}", s.code());
			}
		});
	}

}
