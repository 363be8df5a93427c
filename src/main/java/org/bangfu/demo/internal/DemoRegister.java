package org.bangfu.demo.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.bangfu.cases.NoticeView;
import org.bangfu.demo.internal.DemoActors.DemoUser;
import org.bangfu.demo.internal.DemoHouseholds.Share;
import org.bangfu.identification.Decisions;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.platform.StartupData;
import org.bangfu.registry.HouseholdRow;
import org.bangfu.registry.ImportView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo register, loaded once after the demo organisations and users (identity's demo data),
 * the shipped village codes, rule sets and demo standards, under the same switch: on the
 * embedded default database unless {@code bangfu.demo-data=false}, or anywhere with
 * {@code bangfu.demo-data=true}. Under an advisory lock, with the second reviewer's login as the
 * marker (made last): a restart or a second instance starting at once adds nothing. Only while
 * the demo organisations hold no household yet (an installation whose demo data came before the
 * demo register, and has been used since, is left as it is); a failure is logged and the start
 * goes on.
 */
@Component
@Order(40)
class DemoRegister implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(DemoRegister.class);

	private static final long LOCK = 0x44454d52L;

	private final DemoActors actors;

	private final DemoHouseholds households;

	private final Decisions decisions;

	private final DemoCases cases;

	private final DemoPairings pairings;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final Environment env;

	DemoRegister(DemoActors actors, DemoHouseholds households, Decisions decisions, DemoCases cases,
			DemoPairings pairings, DataSource dataSource, TransactionTemplate tx, Environment env) {
		this.actors = actors;
		this.households = households;
		this.decisions = decisions;
		this.cases = cases;
		this.pairings = pairings;
		this.dataSource = dataSource;
		this.tx = tx;
		this.env = env;
	}

	@Override
	public void load() throws SQLException {
		String setting = env.getProperty("bangfu.demo-data", "auto");
		boolean embedded = env.getProperty("bangfu.embedded-db.active", Boolean.class, false);
		if ("false".equals(setting) || ("auto".equals(setting) && !embedded)) {
			return;
		}
		// a session lock on a connection of its own: the imports commit in their own transactions
		// (their rows are written by a thread of the import), so no one transaction can hold it
		try (Connection lock = dataSource.getConnection(); Statement sql = lock.createStatement()) {
			sql.execute("SELECT pg_advisory_lock(" + LOCK + ")");
			try {
				if (actors.loaded()) {
					return;
				}
				if (!households.fresh()) {
					log.info("The demo organisations already hold households (or are missing): no demo register added");
					return;
				}
				long started = System.nanoTime();
				String phases = loadAll();
				log.info("Loaded the demo register (households, decisions, cases, a public notice, pairings, visits) in {} ms ({})",
						(System.nanoTime() - started) / 1_000_000, phases);
			}
			catch (RuntimeException ex) {
				// an example that cannot be made must not keep the application from starting
				log.warn("The demo register could not be loaded; the demo organisations and users are there without it", ex);
			}
			finally {
				sql.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
			}
		}
	}

	/**
	 * The imports first (each commits as imports do), then everything else in one transaction
	 * with the marker.
	 */
	private String loadAll() {
		Phases phases = new Phases();
		DemoUser admin = actors.user("demo.admin");
		DemoUser civil = actors.user("demo.civil");
		Map<String, List<HouseholdRow>> rows = new LinkedHashMap<>();
		Map<String, OrganisationView> orgs = new LinkedHashMap<>();
		for (Share share : DemoHouseholds.SHARES) {
			OrganisationView org = actors.organisation(share.organisationCode());
			DemoUser importer = share.organisationCode().startsWith("JA-CZ") ? civil : admin;
			ImportView done = households.load(share, importer);
			if (done.householdsRejected() > 0 || done.rowsRejected() > 0) {
				log.warn("Demo import {} rejected {} rows", share.fileName(), done.rowsRejected());
			}
			orgs.put(share.organisationCode(), org);
			rows.put(share.organisationCode(), households.rows(DemoActors.scopeOf(org)));
		}
		phases.done("imports");
		tx.executeWithoutResult(status -> loadRest(admin, civil, orgs, rows, phases));
		return phases.toString();
	}

	private void loadRest(DemoUser admin, DemoUser civil, Map<String, OrganisationView> orgs,
			Map<String, List<HouseholdRow>> rows, Phases phases) {
		actors.createSecondReviewer(); // the marker, committed with the rest
		Map<String, List<Long>> ids = new LinkedHashMap<>();
		rows.forEach((code, list) -> ids.put(code, DemoHouseholds.ids(list)));
		List<Long> union = new ArrayList<>(ids.get("JA-DZ-UNION"));
		union.addAll(ids.get("JA-YY-UNION"));
		List<Long> civilAffairs = ids.get("JA-CZ-C01");
		DemoActors.run(admin, () -> decisions.evaluateSelection(admin.scope(), "union-classes", union, null));
		DemoActors.run(civil, () -> {
			decisions.evaluateSelection(civil.scope(), "dibao-plan10", civilAffairs, null);
			decisions.evaluateSelection(civil.scope(), "expenditure-driven", civilAffairs, null);
		});
		phases.done("decisions");
		List<Long> street = ids.get("JA-DZ-UNION");
		DemoUser caseworker = actors.user("demo.caseworker");
		NoticeView notice = cases.load(new DemoCases.Staff(caseworker, actors.user("demo.reviewer"),
				actors.user(DemoActors.SECOND_REVIEWER), actors.user("demo.approver")),
				DemoHouseholds.smallFirst(rows.get("JA-DZ-UNION"), 20));
		phases.done("cases");
		int mine = pairings.cadre(admin, actors.user("demo.cadre"), orgs.get("JA-DZ-UNION"), street);
		pairings.named(admin, orgs.get("JA-DZ-UNION"), street.subList(mine, street.size()), 0, 45);
		pairings.named(admin, orgs.get("JA-YY-UNION"), ids.get("JA-YY-UNION"), 30, 240);
		pairings.named(civil, orgs.get("JA-CZ-C01"), civilAffairs, 60, 240);
		phases.done("pairings and visits");
		log.debug("Demo notice {} published until {}", notice.id(), notice.endsOn());
	}

	/** How long each part took, for the log. */
	private static final class Phases {

		private final StringBuilder text = new StringBuilder();

		private long last = System.nanoTime();

		void done(String phase) {
			long now = System.nanoTime();
			text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
			last = now;
		}

		@Override
		public String toString() {
			return text.toString();
		}

	}

}
