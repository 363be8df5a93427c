package org.bangfu.identification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.identification.RuleRow;
import org.bangfu.identification.RuleSetContent;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.TestCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bangfu.platform.StartupData;
import org.bangfu.shared.BusinessClock;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the rule sets shipped as JSON under {@code identification/rule-sets/} on start: each
 * one whose code does not exist yet becomes version 1, owned by the platform root, active
 * from 2000-01-01. A shipped document that differs from the code's latest shipped version (a
 * new release changed it) becomes the next version: active from today (business date) when
 * the version in force is the shipped one, so earlier dates keep being decided by the version
 * of their time; a draft for administrators to review when they have made or scheduled a
 * version of their own (administrators' edits are never undone).
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

	private final BusinessClock clock;

	private final DecisionStore decisions;

	ShippedRuleSets(JdbcClient jdbc, RuleSetStore store, RuleCompiler compiler, TransactionTemplate tx,
			BusinessClock clock, DecisionStore decisions) {
		this.decisions = decisions;
		this.jdbc = jdbc;
		this.store = store;
		this.compiler = compiler;
		this.tx = tx;
		this.clock = clock;
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
		apply(read());
	}

	/** Loads new codes and applies changed documents (package-visible for tests with documents of their own). */
	void apply(List<Shipped> shipped) {
		tx.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identification_shipped_rule_sets'))").query(Object.class).single();
			long root = jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY id LIMIT 1").query(Long.class).single();
			for (Shipped s : shipped) {
				if (store.codeExists(s.code())) {
					update(s, root);
					continue;
				}
				List<String> kinds = List.copyOf(compiler.compile(s.content()).kinds());
				long id = store.insert(s.code(), 1, root, s.content(), kinds, true, "system");
				store.activate(id, s.code(), SHIPPED_FROM, "system");
				log.info("Loaded shipped rule set {}", s.code());
			}
		});
	}

	/** A changed shipped document becomes the code's next version (see the class comment). */
	private void update(Shipped s, long root) {
		store.lockCode(s.code());
		List<RuleSetView> versions = store.versions(s.code());
		RuleSetView lastShipped = versions.stream().filter(RuleSetView::shipped).findFirst().orElse(null);
		if (lastShipped == null || sameContent(lastShipped.content(), s.content())) {
			return;
		}
		List<String> kinds = List.copyOf(compiler.compile(s.content()).kinds());
		int version = store.nextVersion(s.code());
		long id = store.insert(s.code(), version, root, s.content(), kinds, true, "system");
		LocalDate today = clock.today();
		RuleSetView latest = versions.get(0);
		boolean shippedInForce = latest.id() == lastShipped.id() && latest.active()
				&& store.latestStart(s.code()).map(d -> d.isBefore(today)).orElse(true);
		if (shippedInForce) {
			store.activate(id, s.code(), today, "system");
			int stale = decisions.markStaleForRuleSet(s.code(), today);
			log.info("Shipped rule set {} changed: version {} active from {} ({} current decisions marked stale)", s.code(),
					version, today, stale);
		}
		else {
			log.info("Shipped rule set {} changed: version {} left as a draft (administrators have their own version)",
					s.code(), version);
		}
	}

	/** Compared as the stored JSON reads back (key order and number spelling do not count). */
	private static boolean sameContent(RuleSetContent stored, RuleSetContent shipped) {
		return Json.MAPPER.valueToTree(stored).equals(Json.MAPPER.valueToTree(shipped))
				|| Json.write(stored).equals(Json.write(shipped));
	}

}
