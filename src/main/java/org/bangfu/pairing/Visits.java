package org.bangfu.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.organisation.Regions;
import org.bangfu.pairing.PairingVocabulary.Frequency;
import org.bangfu.pairing.PairingVocabulary.Indicator;
import org.bangfu.pairing.VisitCommands.RecordVisit;
import org.bangfu.pairing.VisitCommands.SetPolicy;
import org.bangfu.pairing.VisitView.PhotoView;
import org.bangfu.pairing.internal.PhotoStore;
import org.bangfu.pairing.internal.PolicyStore;
import org.bangfu.pairing.internal.VisitLists;
import org.bangfu.pairing.internal.VisitStore;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits (走访, M8) with the plan-7 checklist (M12) and photos, visit frequency policies, due
 * and overdue lists, and the indicator roll-up. Administrators and caseworkers record visits
 * for any household in their scope; a pairing cadre for the households paired with them.
 */
@Service
public class Visits {

	/** Roles that may record visits, measures and agreements for any household in their scope. */
	static final List<Role> RECORD_ANY = List.of(Role.ADMIN, Role.CASEWORKER);

	private final VisitStore visits;

	private final VisitLists lists;

	private final PolicyStore policies;

	private final PhotoStore photos;

	private final Pairings pairings;

	private final HouseholdRegistry registry;

	private final Organisations organisations;

	private final Regions regions;

	private final AuditLog audit;

	private final BusinessClock clock;

	Visits(VisitStore visits, VisitLists lists, PolicyStore policies, PhotoStore photos, Pairings pairings,
			HouseholdRegistry registry, Organisations organisations, Regions regions, AuditLog audit, BusinessClock clock) {
		this.visits = visits;
		this.lists = lists;
		this.policies = policies;
		this.photos = photos;
		this.pairings = pairings;
		this.registry = registry;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The household, when the actor may record visits, measures and agreements for it: in
	 * scope (else not found), and an administrator or caseworker, or its paired cadre (else forbidden).
	 */
	public HouseholdView requireRecordable(Actor actor, long householdId) {
		HouseholdView h = registry.find(actor.scope(), householdId)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", householdId));
		if (RECORD_ANY.stream().noneMatch(actor::has)
				&& !(actor.has(Role.PAIRING_CADRE) && pairings.isCadreOf(actor.userId(), householdId))) {
			throw BangfuException.forbidden();
		}
		return h;
	}

	/** Whether the actor may record a visit to any household in scope (not only paired ones). */
	public boolean mayRecordAny(Actor actor) {
		return RECORD_ANY.stream().anyMatch(actor::has);
	}

	/** Whether the actor may record for the household (for showing buttons). */
	public boolean mayRecord(Actor actor, long householdId) {
		try {
			requireRecordable(actor, householdId);
			return true;
		}
		catch (BangfuException ex) {
			return false;
		}
	}

	/** Records a visit; a repeat with the same client key returns the visit recorded the first time. */
	@Transactional
	public VisitView record(Actor actor, RecordVisit cmd) {
		HouseholdView h = requireRecordable(actor, cmd.householdId());
		if (cmd.visitedOn().isAfter(clock.today())) {
			throw BangfuException.badField("visitedOn", "visit.date.future");
		}
		if (cmd.clientKey() != null && !cmd.clientKey().isBlank()) {
			Optional<Long> earlier = visits.idByClientKey(cmd.clientKey().trim());
			if (earlier.isPresent()) {
				return visit(actor.scope(), earlier.get());
			}
		}
		Long cadreId = pairings.cadreOfUser(actor.userId()).map(CadreView::id).orElse(null);
		Optional<Long> id = visits.insert(cmd, h.organisationId(), cadreId, actor.login());
		if (id.isEmpty()) {
			// recorded by a concurrent retry of the same draft a moment ago
			return visit(actor.scope(), visits.idByClientKey(cmd.clientKey().trim()).orElseThrow());
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("householdId", h.id());
		detail.put("visitedOn", cmd.visitedOn().toString());
		detail.put("kind", cmd.kind().name());
		audit.record("visit.create", "visit", id.get(), detail);
		return visit(actor.scope(), id.get());
	}

	/**
	 * Records a visit with its photos in one transaction. A repeat of the same draft (same
	 * client key) returns the first visit and adds no photos again.
	 */
	@Transactional
	public VisitView recordWithPhotos(Actor actor, RecordVisit cmd, List<byte[]> photoContents) {
		boolean repeat = cmd.clientKey() != null && !cmd.clientKey().isBlank()
				&& visits.idByClientKey(cmd.clientKey().trim()).isPresent();
		VisitView v = record(actor, cmd);
		if (!repeat) {
			for (byte[] content : photoContents) {
				addPhoto(actor, v.id(), content);
			}
		}
		return visit(actor.scope(), v.id());
	}

	/** Adds a photo to a visit: the content must be an image; it is scaled down and stored as JPEG. */
	@Transactional
	public PhotoView addPhoto(Actor actor, long visitId, byte[] content) {
		VisitView v = visit(actor.scope(), visitId);
		requireRecordable(actor, v.householdId());
		if (content == null || content.length == 0) {
			throw BangfuException.badField("photos", "visit.photo.notImage");
		}
		PhotoStore.Stored stored = photos.storePhoto(content, "photos");
		long id = visits.insertPhoto(visitId, stored.path(), stored.contentType(), stored.width(), stored.height(), stored.bytes());
		audit.record("visit.photo", "visit", visitId, Map.of("photoId", id, "bytes", stored.bytes()));
		return new PhotoView(id, visitId, stored.contentType(), stored.width(), stored.height(), stored.bytes());
	}

	/** A stored photo (path, content type) when its visit is in the scope; audited as a view. */
	@Transactional
	public StoredFile photo(Scope scope, long photoId) {
		String[] p = visits.photo(scope, photoId).orElseThrow(() -> BangfuException.notFound("visit.photo.notFound", photoId));
		audit.record("visit.photo.view", "household", Long.valueOf(p[2]), Map.of("photoId", photoId));
		return new StoredFile(photos.resolve(p[0]), p[1]);
	}

	/** A file under the files directory with its content type. */
	public record StoredFile(java.nio.file.Path path, String contentType) {
	}

	/** The visit without auditing (for checks); see {@link #view} for people reading it. */
	public VisitView visit(Scope scope, long id) {
		return visits.find(scope, id).orElseThrow(() -> BangfuException.notFound("visit.notFound", id));
	}

	/** A person reads a visit (notes, checklist, photos): audited as a view of personal data. */
	@Transactional
	public VisitView view(Scope scope, long id) {
		VisitView v = visit(scope, id);
		audit.record("visit.view", "household", v.householdId(), Map.of("visitId", id));
		return v;
	}

	/** A person reads a household's visits: audited as a view of personal data. */
	@Transactional
	public List<VisitView> viewOfHousehold(Scope scope, long householdId) {
		List<VisitView> list = ofHousehold(scope, householdId);
		audit.record("visit.view", "household", householdId, Map.of("visits", list.size()));
		return list;
	}

	/** The household's visits, newest first. */
	public List<VisitView> ofHousehold(Scope scope, long householdId) {
		registry.find(scope, householdId).orElseThrow(() -> BangfuException.notFound("registry.household.notFound", householdId));
		return visits.ofHousehold(householdId, 500);
	}

	/** The household's indicator state: the checklist of its latest visit that has one. */
	@Transactional
	public Optional<VisitView> indicatorState(Scope scope, long householdId) {
		registry.find(scope, householdId).orElseThrow(() -> BangfuException.notFound("registry.household.notFound", householdId));
		Optional<VisitView> latest = visits.latestWithChecklist(householdId);
		latest.ifPresent(v -> audit.record("visit.view", "household", householdId, Map.of("visitId", v.id())));
		return latest;
	}

	// ---- policies and due dates

	public List<VisitPolicyView> policies(Scope scope) {
		return policies.list(scope);
	}

	@Transactional
	public VisitPolicyView setPolicy(Scope scope, SetPolicy cmd) {
		OrganisationView org = organisations.require(scope, cmd.organisationId() == null ? scope.organisationId() : cmd.organisationId());
		String category = cmd.category() == null || cmd.category().isBlank() ? null : cmd.category().trim();
		if (category != null) {
			try {
				Category.valueOf(category);
			}
			catch (IllegalArgumentException ex) {
				throw BangfuException.badField("category", "visit.policy.category.unknown", category);
			}
		}
		VisitFrequency f = new VisitFrequency(cmd.frequency(), cmd.intervalDays());
		long id = policies.save(org.id(), category, f.frequency(), f.intervalDays(), Pairings.login());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("organisationId", org.id());
		detail.put("category", category == null ? "" : category);
		detail.put("frequency", f.frequency().name());
		detail.put("intervalDays", f.intervalDays() == null ? "" : f.intervalDays());
		audit.record("visit.policy.set", "visitPolicy", id, detail);
		return policies.find(scope, id).orElseThrow();
	}

	@Transactional
	public void deletePolicy(Scope scope, long id) {
		VisitPolicyView p = policies.find(scope, id).orElseThrow(() -> BangfuException.notFound("visit.policy.notFound", id));
		policies.delete(id);
		audit.record("visit.policy.delete", "visitPolicy", id, Map.of("organisationId", p.organisationId()));
	}

	/**
	 * Households due within {@code withinDays} days or overdue (overdueOnly: only those past
	 * due), for one cadre or the whole scope, earliest first.
	 */
	public List<DueRow> due(Scope scope, Long cadreId, int withinDays, boolean overdueOnly, int limit) {
		LocalDate today = clock.today();
		LocalDate dueBy = overdueOnly ? today.minusDays(1) : today.plusDays(Math.max(0, withinDays));
		return lists.due(scope, cadreId, null, today, dueBy, Math.max(1, Math.min(1000, limit)));
	}

	/** Due-soon and overdue households of the user's own pairings (empty when the user is not a cadre). */
	public List<DueRow> dueForUser(Actor actor, int withinDays) {
		Optional<CadreView> cadre = pairings.cadreOfUser(actor.userId());
		if (cadre.isEmpty()) {
			return List.of();
		}
		return due(actor.scope(), cadre.get().id(), withinDays, false, 200);
	}

	/**
	 * Every household paired with the user (我的帮扶户), the most urgent visit first: overdue,
	 * then due soonest. Empty when the user is not a cadre.
	 */
	public List<DueRow> pairedWithUser(Actor actor) {
		return pairings.cadreOfUser(actor.userId())
			.map(c -> lists.due(actor.scope(), c.id(), null, clock.today(), null, 500))
			.orElse(List.of());
	}

	/** The household's next due date under its policy. */
	public Optional<DueRow> nextDue(Scope scope, long householdId) {
		return lists.due(scope, null, householdId, clock.today(), null, 1).stream().findFirst();
	}

	// ---- indicator roll-up

	/**
	 * The indicator state rolled up for the organisation (default: the caller's): its whole
	 * subtree, its own households, then each child organisation.
	 */
	public List<IndicatorRollup> indicatorsByOrganisation(Scope scope, Long organisationId) {
		OrganisationView top = organisations.require(scope, organisationId == null ? scope.organisationId() : organisationId);
		List<IndicatorRollup> byPath = lists.rollup(scope, top.path(), null, "o.path", Map.of(), false);
		List<IndicatorRollup> rows = new ArrayList<>();
		rows.add(sum(String.valueOf(top.id()), top.name(), byPath, p -> p.startsWith(top.path()), false));
		rows.add(sum(top.id() + ":own", top.name(), byPath, p -> p.equals(top.path()), false));
		for (OrganisationView child : organisations.tree(scope)) {
			if (child.parentId() != null && child.parentId() == top.id()) {
				rows.add(sum(String.valueOf(child.id()), child.name(), byPath, p -> p.startsWith(child.path()), true));
			}
		}
		return rows;
	}

	/** The indicator state by region one level below the given one (provinces when none). */
	public List<IndicatorRollup> indicatorsByRegion(Scope scope, String region) {
		String prefix = null;
		if (region != null && !region.isBlank()) {
			prefix = regions.find(region).map(r -> r.shortCode())
				.orElseThrow(() -> BangfuException.badField("region", "region.code.unknown", region));
		}
		int len = prefix == null ? 2 : switch (prefix.length()) {
			case 2 -> 4;
			case 4 -> 6;
			case 6 -> 9;
			default -> 12;
		};
		List<IndicatorRollup> raw = lists.rollup(scope, null, prefix, "substr(h.region_code, 1, " + len + ")", Map.of(), len < 12);
		return raw.stream()
			.map(r -> new IndicatorRollup(r.key(), regions.find(r.key()).map(x -> x.name()).orElse(r.key()), r.households(),
					r.withChecklist(), r.counts(), r.drillable()))
			.toList();
	}

	public LocalDate today() {
		return clock.today();
	}

	public static List<Frequency> frequencies() {
		return List.of(Frequency.values());
	}

	private static IndicatorRollup sum(String key, String name, List<IndicatorRollup> rows,
			java.util.function.Predicate<String> pathMatches, boolean drillable) {
		long households = 0;
		long checked = 0;
		long[] met = new long[Indicator.values().length];
		long[] notMet = new long[met.length];
		for (IndicatorRollup r : rows) {
			if (pathMatches.test(r.key())) {
				households += r.households();
				checked += r.withChecklist();
				for (IndicatorRollup.Count c : r.counts()) {
					met[c.indicator().ordinal()] += c.met();
					notMet[c.indicator().ordinal()] += c.notMet();
				}
			}
		}
		List<IndicatorRollup.Count> counts = new ArrayList<>();
		for (Indicator i : Indicator.values()) {
			counts.add(new IndicatorRollup.Count(i, met[i.ordinal()], notMet[i.ordinal()],
					households - met[i.ordinal()] - notMet[i.ordinal()]));
		}
		return new IndicatorRollup(key, name, households, checked, counts, drillable);
	}

}
