package org.bangfu.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.funds.Balance;
import org.bangfu.funds.BudgetView;
import org.bangfu.funds.Budgets;
import org.bangfu.funds.Ledger;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.bangfu.reporting.Dashboard.Bar;
import org.bangfu.reporting.Dashboard.ProgramMoney;
import org.bangfu.reporting.internal.DashboardQueries;
import org.bangfu.reporting.internal.DashboardQueries.Group;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/** Dashboards of an organisation's subtree (see {@link Dashboard}); read-only, one grouped statement per chart. */
@Service
public class Dashboards {

	static final List<String> COVERAGE = List.of("households.filed", "households.paired", "households.unpaired",
			"households.visitedOnTime", "cases.pending", "cases.overdue");

	private static final int[] PREFIX = { 0, 2, 4, 6, 9, 12 };

	private final DashboardQueries queries;

	private final Figures figures;

	private final Organisations organisations;

	private final Regions regions;

	private final Budgets budgets;

	private final Ledger ledger;

	private final MessageSource messages;

	private final BusinessClock clock;

	Dashboards(DashboardQueries queries, Figures figures, Organisations organisations, Regions regions, Budgets budgets,
			Ledger ledger, MessageSource messages, BusinessClock clock) {
		this.queries = queries;
		this.figures = figures;
		this.organisations = organisations;
		this.regions = regions;
		this.budgets = budgets;
		this.ledger = ledger;
		this.messages = messages;
		this.clock = clock;
	}

	/** The dashboard of the scope for a year (money and visits), regions under {@code region} (default: the organisation's). */
	@Transactional(readOnly = true)
	public Dashboard of(Scope scope, Integer year, String region, Locale locale) {
		LocalDate today = clock.today();
		int y = year == null ? today.getYear() : year;
		OrganisationView org = organisations.require(scope, scope.organisationId());
		String under = prefix(region != null && !region.isBlank() ? Regions.normalise(region) : org.regionCode());
		int level = levelOf(under);
		int childLength = PREFIX[Math.min(5, level + 1)];
		List<Bar> byStatus = bars(queries.byStatus(scope), g -> t(locale, "registry.status." + g.key()),
				g -> link("/households", "status", g.key()));
		List<Bar> byCategory = bars(queries.byCategory(scope), g -> t(locale, "registry.category." + g.key()),
				g -> link("/households", "status", "FILED", "category", g.key()));
		List<Bar> byCause = bars(queries.byCause(scope),
				g -> g.key().isEmpty() ? t(locale, "reporting.dashboard.noCause") : t(locale, "registry.cause." + g.key()),
				g -> g.key().isEmpty() ? link("/households", "status", "FILED") : link("/households", "status", "FILED", "cause", g.key()));
		List<Group> regionGroups = level >= 5 ? List.of() : queries.byRegion(scope, under, childLength);
		Map<String, RegionView> names = regions.findAll(regionGroups.stream().map(g -> pad(g.key())).toList());
		List<Bar> byRegion = bars(regionGroups, g -> names.containsKey(pad(g.key())) ? names.get(pad(g.key())).name() : g.key(),
				g -> link("/households", "status", "FILED", "region", g.key()));
		ReportPeriod period = ReportPeriod.parse(String.valueOf(y));
		List<FigureValue> coverage = new ArrayList<>();
		figures.compute(scope, period, COVERAGE).forEach((code, v) -> coverage.add(new FigureValue(code, v, v, null,
				figures.drillDown(code, period).orElse(null))));
		List<Bar> decisions = bars(queries.decisions(scope), g -> g.key() + " · " + g.sub(),
				g -> link("/identification/decisions", "ruleSet", g.key(), "outcome", g.sub()));
		List<Group> steps = queries.pendingBySteps(scope, today);
		List<Bar> pending = bars(steps, g -> t(locale, "reporting.dashboard.step", g.key()),
				g -> link("/cases", "view", "all", "status", "IN_REVIEW"));
		long overdue = steps.stream().mapToLong(g -> Long.parseLong(g.sub())).sum();
		return new Dashboard(org.id(), org.name(), y, under, byStatus, byCategory, byCause, byRegion, coverage, decisions,
				pending, overdue, money(scope, y, today));
	}

	private List<ProgramMoney> money(Scope scope, int year, LocalDate today) {
		Map<String, long[]> byProgram = new LinkedHashMap<>();
		for (BudgetView b : budgets.list(scope, year)) {
			byProgram.computeIfAbsent(key(b.programCode()), k -> new long[3])[0] += b.amountFen();
		}
		LocalDate end = LocalDate.of(year, 12, 31).isAfter(today) ? today : LocalDate.of(year, 12, 31);
		for (Balance b : ledger.balances(scope, "program", end)) {
			long[] m = byProgram.computeIfAbsent(key(b.key()), k -> new long[3]);
			m[1] += b.committedFen();
			m[2] += b.spentFen();
		}
		for (Balance b : ledger.balances(scope, "program", LocalDate.of(year - 1, 12, 31))) {
			byProgram.computeIfAbsent(key(b.key()), k -> new long[3])[2] -= b.spentFen();
		}
		List<ProgramMoney> rows = new ArrayList<>();
		byProgram.forEach((p, m) -> {
			if (m[0] != 0 || m[1] != 0 || m[2] != 0) {
				rows.add(new ProgramMoney(p, m[0], m[1], m[2], "/funds/budgets?year=" + year));
			}
		});
		return rows;
	}

	private static String key(String program) {
		return program == null || program.isBlank() ? "—" : program;
	}

	private static List<Bar> bars(List<Group> groups, java.util.function.Function<Group, String> label,
			java.util.function.Function<Group, String> href) {
		return groups.stream().map(g -> new Bar(g.key(), label.apply(g), g.count(), href.apply(g))).toList();
	}

	static String link(String path, String... params) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		for (int i = 0; i < params.length; i += 2) {
			b.queryParam(params[i], params[i + 1]);
		}
		return b.encode().build().toUriString();
	}

	/** The meaningful prefix of a 12-digit region code (2, 4, 6, 9 or 12 digits); empty for none. */
	static String prefix(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		for (int len : new int[] { 2, 4, 6, 9 }) {
			if (code.substring(len).chars().allMatch(c -> c == '0')) {
				return code.substring(0, len);
			}
		}
		return code;
	}

	private static int levelOf(String prefix) {
		for (int l = 0; l < PREFIX.length; l++) {
			if (PREFIX[l] == prefix.length()) {
				return l;
			}
		}
		return 5;
	}

	private static String pad(String prefix) {
		return (prefix + "000000000000").substring(0, 12);
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
