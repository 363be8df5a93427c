package org.bangfu.identification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.audit.AuditLog;
import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.StandardCommands.AddStandardKind;
import org.bangfu.identification.internal.DecisionStore;
import org.bangfu.identification.internal.StandardStore;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standards (识别标准的数字): figures per kind, region and period, inherited down the region tree
 * (a county's figure applies to its townships and villages unless one of them has its own)
 * and never rewritten: a new figure starts on a date; a figure with the same kind, region and
 * start is a correction, the next version, which replaces the figure it corrects for its whole
 * period (changing the value, shortening, ending or re-opening the period). Figures
 * are public numbers, readable by every user; a user may add figures only for the region of
 * their organisation and the regions under it (a platform-level user also for the whole
 * country). Adding a figure marks the decisions it affects as stale.
 */
@Service
public class Standards {

	private final StandardStore store;

	private final DecisionStore decisions;

	private final Regions regions;

	private final Organisations organisations;

	private final AuditLog audit;

	Standards(StandardStore store, DecisionStore decisions, Regions regions, Organisations organisations, AuditLog audit) {
		this.store = store;
		this.decisions = decisions;
		this.regions = regions;
		this.organisations = organisations;
		this.audit = audit;
	}

	public List<StandardKindView> kinds() {
		return store.kinds();
	}

	public Set<String> kindCodes() {
		return store.kindCodes();
	}

	@Transactional
	public StandardKindView addKind(AddStandardKind cmd) {
		if (!store.insertKind(cmd.code(), cmd.basis(), cmd.nameZh().strip(), cmd.nameEn().strip(), login())) {
			throw BangfuException.badField("code", "identification.kind.code.taken", cmd.code());
		}
		audit.record("standard.kind.add", "standardKind", cmd.code(), Map.of("basis", cmd.basis().name()));
		return store.kind(cmd.code()).orElseThrow();
	}

	/** Adds a figure in the caller's region; stale-marks the decisions it changes. */
	@Transactional
	public StandardView add(Scope scope, AddStandard cmd) {
		StandardKindView kind = store.kind(cmd.kind())
			.orElseThrow(() -> BangfuException.badField("kind", "identification.standard.kind.unknown", cmd.kind()));
		StandardBasis basis = cmd.basis() == null ? kind.basis() : cmd.basis();
		if ((basis == StandardBasis.RATIO) != (kind.basis() == StandardBasis.RATIO)) {
			throw BangfuException.badField("basis", "identification.standard.basis.mismatch", kind.code(), kind.basis());
		}
		if (basis != StandardBasis.RATIO && cmd.value().stripTrailingZeros().scale() > 2) {
			throw BangfuException.badField("value", "identification.standard.value.fen");
		}
		if (cmd.effectiveTo() != null && cmd.effectiveTo().isBefore(cmd.effectiveFrom())) {
			throw BangfuException.badField("effectiveTo", "identification.standard.period");
		}
		String regionCode = null;
		String prefix = "";
		if (cmd.regionCode() != null && !cmd.regionCode().isBlank()) {
			RegionView region = regions.require(cmd.regionCode());
			regionCode = region.code();
			prefix = StandardStore.prefix(region.code(), region.level());
		}
		mayWrite(scope, prefix);
		return insert(scope, kind.code(), regionCode, prefix, cmd.value(), basis, cmd.effectiveFrom(), cmd.effectiveTo(),
				cmd.note(), "standard.add");
	}

	/**
	 * Ends a figure on a date (its last day): a correction with the same value and start, so
	 * from the next day the figure applies nowhere (an older figure of the region, or the region
	 * above, applies again). Only the figure in force can be ended; a later end re-opens it.
	 */
	@Transactional
	public StandardView end(Scope scope, long id, StandardCommands.EndStandard cmd) {
		StandardView figure = require(id);
		String prefix = figure.regionCode() == null ? "" : StandardStore.prefix(figure.regionCode(), figure.regionLevel());
		mayWrite(scope, prefix);
		if (figure.corrected()) {
			throw new BangfuException(Problem.CONFLICT, "identification.standard.end.corrected", figure.version(),
					figure.correctedBy());
		}
		if (cmd.effectiveTo().isBefore(figure.effectiveFrom())) {
			throw BangfuException.badField("effectiveTo", "identification.standard.end.beforeStart", figure.effectiveFrom());
		}
		return insert(scope, figure.kind(), figure.regionCode(), prefix, figure.value(), figure.basis(), figure.effectiveFrom(),
				cmd.effectiveTo(), cmd.note(), "standard.end");
	}

	/**
	 * Inserts a figure (a correction when one with the same start is in force) and stale-marks the
	 * decisions of both periods: a shortened period's lost days change too.
	 */
	private StandardView insert(Scope scope, String kind, String regionCode, String prefix, java.math.BigDecimal value,
			StandardBasis basis, LocalDate from, LocalDate to, String note, String action) {
		java.util.Optional<StandardView> corrected = store.sameStart(kind, prefix, from);
		long id = store.insert(kind, regionCode, prefix, value, basis, from, to, scope.organisationId(), blankToNull(note),
				login());
		StandardView added = store.find(id).orElseThrow();
		LocalDate staleTo = org.bangfu.identification.internal.StandardCorrectionPolicy.affectedUntil(corrected.isPresent(),
				corrected.map(StandardView::effectiveTo).orElse(null), to);
		int stale = decisions.markStaleForStandard(kind, prefix, from, staleTo);
		Map<String, Object> details = new java.util.LinkedHashMap<>();
		details.put("kind", kind);
		details.put("region", regionCode == null ? "" : regionCode);
		details.put("value", added.value().toPlainString());
		details.put("basis", basis.name());
		details.put("from", from.toString());
		details.put("to", String.valueOf(to));
		details.put("version", added.version());
		corrected.ifPresent(c -> details.put("corrects", c.version()));
		details.put("staleDecisions", stale);
		audit.record(action, "standard", id, details);
		return added;
	}

	/** The prefix of the caller's organisation's region ('' for a platform-level organisation). */
	public String writablePrefix(Scope scope) {
		OrganisationView org = organisations.require(scope, scope.organisationId());
		if (org.regionCode() == null) {
			return "";
		}
		RegionView region = regions.require(org.regionCode());
		return StandardStore.prefix(region.code(), region.level());
	}

	private void mayWrite(Scope scope, String prefix) {
		String mine = writablePrefix(scope);
		if (!prefix.startsWith(mine)) {
			throw new BangfuException(Problem.FORBIDDEN, "identification.standard.outsideRegion");
		}
	}

	public StandardView require(long id) {
		return store.find(id).orElseThrow(() -> BangfuException.notFound("identification.standard.notFound", id));
	}

	/** A page (from 1) of figures by kind and region code prefix (both optional). */
	public StandardPage list(String kind, String regionCode, int page, int size) {
		String prefix = regionCode == null || regionCode.isBlank() ? null : prefixOf(regionCode);
		int s = Math.max(10, Math.min(100, size));
		int p = Math.max(1, page);
		return new StandardPage(store.list(blankToNull(kind), prefix, s, (p - 1) * s), store.count(blankToNull(kind), prefix),
				p, s);
	}

	/** Every figure of a kind set for exactly this region (or the country when regionCode is blank), newest first. */
	public List<StandardView> history(String kind, String regionCode) {
		return store.history(kind, regionCode == null || regionCode.isBlank() ? "" : prefixOf(regionCode));
	}

	/** For each kind: the figure that applies in the region on the date and where it comes from. */
	public List<ApplicableStandard> applicable(String regionCode, LocalDate date) {
		RegionView region = regions.require(regionCode);
		List<StandardKindView> kinds = store.kinds();
		Map<String, StandardView> found = store.resolve(region.code(), date, kinds.stream().map(StandardKindView::code).toList());
		String own = StandardStore.prefix(region.code(), region.level());
		List<ApplicableStandard> out = new ArrayList<>();
		for (StandardKindView k : kinds) {
			StandardView f = found.get(k.code());
			boolean inherited = f != null && !own.equals(f.regionCode() == null ? "" : StandardStore.prefix(f.regionCode(), f.regionLevel()));
			out.add(new ApplicableStandard(k, f, inherited));
		}
		return out;
	}

	/** The figures of the kinds that apply in a region (12-digit code) on a date. */
	public Map<String, StandardView> resolve(String regionCode, LocalDate date, Set<String> kinds) {
		return store.resolve(regionCode, date, kinds);
	}

	private String prefixOf(String regionCode) {
		RegionView region = regions.require(regionCode);
		return StandardStore.prefix(region.code(), region.level());
	}

	private static String login() {
		return Actor.current().map(Actor::login).orElse("system");
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** A page of figures (pages from 1). */
	public record StandardPage(List<StandardView> rows, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}

	}

}
