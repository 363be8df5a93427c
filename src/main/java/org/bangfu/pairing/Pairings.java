package org.bangfu.pairing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.identity.UserView;
import org.bangfu.identity.Users;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.organisation.Regions;
import org.bangfu.pairing.PairingCommands.BulkPair;
import org.bangfu.pairing.PairingCommands.EndOrgPairing;
import org.bangfu.pairing.PairingCommands.EndPairing;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingCommands.PairOrganisations;
import org.bangfu.pairing.PairingCommands.RegisterCadre;
import org.bangfu.pairing.PairingCommands.UpdateSettings;
import org.bangfu.pairing.PairingVocabulary.EndReason;
import org.bangfu.pairing.PairingVocabulary.PairingType;
import org.bangfu.pairing.internal.CadreStore;
import org.bangfu.pairing.internal.OrgPairingStore;
import org.bangfu.pairing.internal.PairingLists;
import org.bangfu.pairing.internal.PairingStore;
import org.bangfu.pairing.internal.SettingsStore;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairing (结对帮扶, M7): cadres, their households under a hard cap enforced by the database,
 * the minimum term, the unpaired list ("不断档"), coverage, and organisation-to-organisation
 * pairing. Every method takes the caller's {@link Scope}; every write is audited.
 */
@Service
public class Pairings {

	private final CadreStore cadres;

	private final PairingStore pairings;

	private final SettingsStore settings;

	private final PairingLists lists;

	private final OrgPairingStore orgPairings;

	private final HouseholdRegistry registry;

	private final Users users;

	private final Organisations organisations;

	private final Regions regions;

	private final AuditLog audit;

	private final BusinessClock clock;

	Pairings(CadreStore cadres, PairingStore pairings, SettingsStore settings, PairingLists lists,
			OrgPairingStore orgPairings, HouseholdRegistry registry, Users users, Organisations organisations,
			Regions regions, AuditLog audit, BusinessClock clock) {
		this.cadres = cadres;
		this.pairings = pairings;
		this.settings = settings;
		this.lists = lists;
		this.orgPairings = orgPairings;
		this.registry = registry;
		this.users = users;
		this.organisations = organisations;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- settings

	public PairingSettings settings(Scope scope, long organisationId) {
		organisations.require(scope, organisationId);
		return settings.effective(organisationId);
	}

	@Transactional
	public PairingSettings updateSettings(Scope scope, long organisationId, UpdateSettings cmd) {
		organisations.require(scope, organisationId);
		PairingSettings before = settings.effective(organisationId);
		settings.save(organisationId, cmd.cadreCap(), cmd.minTermMonths(), cmd.orgCapacity(), login());
		PairingSettings after = settings.effective(organisationId);
		audit.record("pairing.settings", "organisation", organisationId, Map.of("before", before, "after", after));
		return after;
	}

	// ---- cadres

	public List<CadreView> cadres(Scope scope, boolean activeOnly, String text) {
		return cadres.list(scope, activeOnly, text);
	}

	public CadreView cadre(Scope scope, long id) {
		return cadres.find(scope, id).orElseThrow(() -> BangfuException.notFound("pairing.cadre.notFound", id));
	}

	/** The cadre record of a user, if the user has ever been paired. */
	public Optional<CadreView> cadreOfUser(long userId) {
		return cadres.findByUser(userId);
	}

	@Transactional
	public CadreView registerCadre(Scope scope, RegisterCadre cmd) {
		long org = cmd.organisationId() == null ? scope.organisationId() : cmd.organisationId();
		organisations.require(scope, org);
		long id = cadres.insert(org, null, cmd.name().trim(), blank(cmd.phone()), blank(cmd.position()), login());
		CadreView created = cadre(scope, id);
		audit.record("pairing.cadre.create", "cadre", id, Map.of("name", created.name(), "organisationId", org));
		return created;
	}

	/** The cadre record of a user in the scope, made on first use; the user must be an active pairing cadre. */
	@Transactional
	public CadreView cadreForUser(Scope scope, long userId) {
		UserView user = users.find(scope, userId)
			.orElseThrow(() -> BangfuException.badField("userId", "pairing.cadre.userNotFound", userId));
		if (!user.active()) {
			throw BangfuException.badField("userId", "pairing.cadre.inactive", user.name());
		}
		if (!user.roles().contains(Role.PAIRING_CADRE)) {
			throw BangfuException.badField("userId", "pairing.cadre.notCadreRole", user.name());
		}
		Optional<CadreView> existing = cadres.findByUser(userId);
		if (existing.isPresent()) {
			return existing.get();
		}
		cadres.insertForUser(user.organisationId(), userId, user.name(), user.phone(), login())
			.ifPresent(id -> audit.record("pairing.cadre.create", "cadre", id, Map.of("userId", userId, "name", user.name())));
		return cadres.findByUser(userId).orElseThrow();
	}

	// ---- pairings

	/** Pairs a cadre with a household; refused when the cadre's cap is reached (checked by the database). */
	@Transactional
	public PairingView pair(Scope scope, Pair cmd) {
		CadreView cadre = resolveCadre(scope, cmd.cadreId(), cmd.userId());
		PairingType type = cmd.type() == null ? PairingType.ONE_TO_MANY : cmd.type();
		HouseholdView household = pairable(scope, cmd.householdId());
		take(cadre, type, 1);
		PairingView created = insert(scope, cadre, household, type, cmd.startedOn(), cmd.plannedEndOn());
		return created;
	}

	/** Pairs one cadre with several households in one go: all of them or none. */
	@Transactional
	public List<PairingView> bulkPair(Scope scope, BulkPair cmd) {
		CadreView cadre = resolveCadre(scope, cmd.cadreId(), cmd.userId());
		PairingType type = cmd.type() == null ? PairingType.ONE_TO_MANY : cmd.type();
		List<Long> ids = new ArrayList<>(new LinkedHashSet<>(cmd.householdIds()));
		List<HouseholdView> households = new ArrayList<>();
		for (Long id : ids) {
			households.add(pairable(scope, id));
		}
		take(cadre, type, ids.size());
		List<PairingView> created = new ArrayList<>();
		for (HouseholdView h : households) {
			created.add(insert(scope, cadre, h, type, null, null));
		}
		return created;
	}

	/**
	 * Ends a pairing. Before the minimum term it is refused with a warning unless
	 * {@link EndPairing#confirmEarly()}; the household then appears in the unpaired list.
	 */
	@Transactional
	public PairingView end(Scope scope, long pairingId, EndPairing cmd) {
		cadres.lock(pairing(scope, pairingId).cadreId()); // the cadre before its pairing (see CadreStore)
		PairingView p = pairing(scope, pairingId);
		if (!p.active()) {
			throw new BangfuException(Problem.CONFLICT, "pairing.end.already", p.endedOn());
		}
		LocalDate on = cmd.endedOn() == null ? clock.today() : cmd.endedOn();
		if (on.isBefore(p.startedOn())) {
			throw BangfuException.badField("endedOn", "pairing.end.beforeStart", p.startedOn());
		}
		PairingSettings s = settings.effective(p.organisationId());
		LocalDate minEnd = p.startedOn().plusMonths(s.minTermMonths());
		boolean early = on.isBefore(minEnd);
		if (early && !cmd.confirmEarly()) {
			throw new BangfuException(Problem.CONFLICT, "pairing.end.early", p.startedOn(), s.minTermMonths(), minEnd);
		}
		if (!pairings.end(pairingId, on, cmd.reason(), blank(cmd.note()), early, login())) {
			throw new BangfuException(Problem.CONFLICT, "pairing.end.already", on);
		}
		cadres.release(p.cadreId(), 1);
		PairingView after = pairing(scope, pairingId);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("householdId", p.householdId());
		detail.put("cadreId", p.cadreId());
		detail.put("reason", cmd.reason().name());
		detail.put("endedOn", on.toString());
		detail.put("early", early);
		audit.record("pairing.end", "pairing", pairingId, detail);
		return after;
	}

	public PairingView pairing(Scope scope, long id) {
		return pairings.find(scope, id).orElseThrow(() -> BangfuException.notFound("pairing.notFound", id));
	}

	public List<PairingView> search(Scope scope, Long cadreId, Long householdId, boolean activeOnly, int limit, int offset) {
		return pairings.search(scope, cadreId, householdId, activeOnly, Math.min(500, Math.max(1, limit)), Math.max(0, offset));
	}

	/** The household's pairings, newest first (the household must be in the scope). */
	public List<PairingView> history(Scope scope, long householdId) {
		household(scope, householdId);
		return pairings.ofHousehold(householdId);
	}

	public Optional<PairingView> activePairing(Scope scope, long householdId) {
		household(scope, householdId);
		return pairings.activeOf(householdId);
	}

	/** Whether the user is the cadre of the household's active pairing. */
	public boolean isCadreOf(long userId, long householdId) {
		return pairings.activeOf(householdId)
			.flatMap(p -> cadres.findByUser(userId).filter(c -> c.id() == p.cadreId()))
			.isPresent();
	}

	// ---- unpaired and coverage

	public List<UnpairedRow> unpaired(Scope scope, Long organisationId, String region, int page, int size) {
		int s = Math.max(10, Math.min(100, size));
		return lists.unpaired(scope, filter(scope, organisationId, region), clock.today(), s, (Math.max(1, page) - 1) * s);
	}

	public long countUnpaired(Scope scope, Long organisationId, String region) {
		return lists.countUnpaired(scope, filter(scope, organisationId, region));
	}

	public long countUnpaired(Scope scope) {
		return lists.countUnpaired(scope, new PairingLists.Filter(null, null));
	}

	/**
	 * Coverage of the organisation (default: the caller's) and each of its child subtrees:
	 * the first row is the organisation's whole subtree, then its own households, then one row
	 * per child organisation.
	 */
	public List<CoverageRow> coverageByOrganisation(Scope scope, Long organisationId) {
		OrganisationView top = organisations.require(scope, organisationId == null ? scope.organisationId() : organisationId);
		Map<String, long[]> counts = lists.byOrganisationPath(scope, top.path());
		List<CoverageRow> rows = new ArrayList<>();
		rows.add(sum(String.valueOf(top.id()), top.name(), counts, top.path(), false, false));
		rows.add(sum(top.id() + ":own", top.name(), counts, top.path(), true, false));
		for (OrganisationView child : organisations.tree(scope)) {
			if (child.parentId() != null && child.parentId() == top.id()) {
				rows.add(sum(String.valueOf(child.id()), child.name(), counts, child.path(), false, true));
			}
		}
		return rows;
	}

	/** Coverage by region one level below the given region (provinces when none). */
	public List<CoverageRow> coverageByRegion(Scope scope, String region) {
		return lists.byRegion(scope, regionPrefix(region));
	}

	// ---- organisation-to-organisation

	public List<OrgPairingView> orgPairings(Scope scope, Integer year) {
		return orgPairings.list(scope, year);
	}

	/** How many organisations the helper may help per year: its setting, else by its level. */
	public int orgCapacity(Scope scope, long helperId) {
		OrganisationView helper = organisations.require(scope, helperId);
		Integer own = settings.own(helperId).map(PairingSettings::orgCapacity).orElse(null);
		if (own != null) {
			return own;
		}
		int level = helper.regionCode() == null ? 3 : regions.find(helper.regionCode()).map(r -> r.level()).orElse(3);
		return switch (level) {
			case 1 -> 3;
			case 2 -> 2;
			default -> 1;
		};
	}

	public int orgQuotaUsed(long helperId, int year) {
		return orgPairings.used(helperId, year);
	}

	@Transactional
	public OrgPairingView pairOrganisations(Scope scope, PairOrganisations cmd) {
		OrganisationView helper = organisations.require(scope, cmd.helperId());
		OrganisationView helped = organisations.require(scope, cmd.helpedId());
		if (helper.id() == helped.id()) {
			throw BangfuException.badField("helpedId", "pairing.org.self");
		}
		int year = cmd.year() == null ? clock.today().getYear() : cmd.year();
		int capacity = orgCapacity(scope, helper.id());
		if (!orgPairings.take(helper.id(), year, capacity)) {
			throw new BangfuException(Problem.CONFLICT, "pairing.org.capacity", helper.name(), capacity, year);
		}
		long id;
		try {
			LocalDate start = year == clock.today().getYear() ? clock.today() : LocalDate.of(year, 1, 1);
			id = orgPairings.insert(helper.id(), helped.id(), year, start, blank(cmd.note()), login());
		}
		catch (DuplicateKeyException ex) {
			throw new BangfuException(Problem.CONFLICT, "pairing.org.duplicate", helper.name(), helped.name(), year);
		}
		audit.record("pairing.org.create", "orgPairing", id,
				Map.of("helperId", helper.id(), "helpedId", helped.id(), "year", year));
		return orgPairings.find(id).orElseThrow();
	}

	public OrgPairingView orgPairing(Scope scope, long id) {
		return orgPairings.find(scope, id).orElseThrow(() -> BangfuException.notFound("pairing.org.notFound", id));
	}

	/**
	 * Ends an organisation-to-organisation pairing (both organisations must be in the scope, as
	 * when it was made) and gives the helper's place in that year back.
	 */
	@Transactional
	public OrgPairingView endOrgPairing(Scope scope, long id, EndOrgPairing cmd) {
		OrgPairingView p = orgPairing(scope, id);
		orgPairings.lockQuota(p.helperId(), p.year()); // the quota before the pairing, as when pairing
		LocalDate on = cmd.endedOn() == null ? clock.today() : cmd.endedOn();
		if (on.isBefore(p.startedOn())) {
			throw BangfuException.badField("endedOn", "pairing.end.beforeStart", p.startedOn());
		}
		if (!orgPairings.end(id, on, cmd.reason().name(), blank(cmd.note()), login())) {
			throw new BangfuException(Problem.CONFLICT, "pairing.end.already", orgPairing(scope, id).endedOn());
		}
		orgPairings.release(p.helperId(), p.year());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("helperId", p.helperId());
		detail.put("helpedId", p.helpedId());
		detail.put("year", p.year());
		detail.put("reason", cmd.reason().name());
		detail.put("endedOn", on.toString());
		audit.record("pairing.org.end", "orgPairing", id, detail);
		return orgPairing(scope, id);
	}

	// ---- reactions (called by the module's listeners in the publishing transaction)

	/** A cadre's user was deactivated: the cadre stops and all their households are unpaired at once. */
	@Transactional
	public List<Long> cadreUserDeactivated(long userId) {
		return cadres.deactivateUser(userId) // locks the cadre's row first (see CadreStore)
			.map(cadreId -> endAll(cadreId, EndReason.CADRE_DEACTIVATED, Map.of()))
			.orElse(List.of());
	}

	/**
	 * A cadre's user moved to another organisation (a transfer): the cadre moves with them and
	 * all their households are unpaired at once, in the unpaired list of the households' own
	 * organisations.
	 */
	@Transactional
	public List<Long> cadreUserMoved(long userId, long fromOrganisationId, long toOrganisationId) {
		return cadres.moveUser(userId, toOrganisationId) // locks the cadre's row first (see CadreStore)
			.map(cadreId -> endAll(cadreId, EndReason.CADRE_TRANSFERRED,
					Map.of("fromOrganisationId", fromOrganisationId, "toOrganisationId", toOrganisationId)))
			.orElse(List.of());
	}

	/**
	 * A cadre's user lost the pairing cadre role: the cadre stops (until the role is given back)
	 * and all their households are unpaired at once.
	 */
	@Transactional
	public List<Long> cadreRoleRemoved(long userId) {
		return cadres.deactivateUser(userId) // locks the cadre's row first (see CadreStore)
			.map(cadreId -> endAll(cadreId, EndReason.CADRE_ROLE_REMOVED, Map.of()))
			.orElse(List.of());
	}

	/**
	 * A user was given the pairing cadre role (or created with it): the user is offered as a cadre
	 * at once, in the user's organisation, without waiting for a first pairing by import.
	 */
	@Transactional
	public void cadreRoleGranted(long userId) {
		cadres.enrolUser(userId, login())
			.ifPresent(id -> audit.record("pairing.cadre.create", "cadre", id, Map.of("userId", userId)));
		cadreUserMayPairAgain(userId);
	}

	/**
	 * A user was activated again or given the pairing cadre role: their cadre record (if any) is
	 * usable again when the user is active and has the role. Their former households stay
	 * unpaired until someone pairs them.
	 */
	@Transactional
	public void cadreUserMayPairAgain(long userId) {
		cadres.reactivateUser(userId)
			.ifPresent(cadreId -> audit.record("pairing.cadre.reactivate", "cadre", cadreId, Map.of("userId", userId)));
	}

	private List<Long> endAll(long cadreId, EndReason reason, Map<String, Object> more) {
		List<Long> households = pairings.endAllOfCadre(cadreId, clock.today(), reason, login());
		cadres.release(cadreId, households.size());
		if (!households.isEmpty()) {
			Map<String, Object> detail = new LinkedHashMap<>(more);
			detail.put("reason", reason.name());
			detail.put("households", households);
			audit.record("pairing.endAll", "cadre", cadreId, detail);
		}
		return households;
	}

	/** A household's file was closed: its pairing ends. */
	@Transactional
	public void householdClosed(long householdId) {
		// the cadre's row before the pairing (see CadreStore); when the pairing was ended meanwhile
		// (e.g. by the cadre's deactivation), look again
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<PairingView> active = pairings.activeOf(householdId);
			if (active.isEmpty()) {
				return;
			}
			PairingView p = active.get();
			cadres.lock(p.cadreId());
			if (pairings.end(p.id(), clock.today().isBefore(p.startedOn()) ? p.startedOn() : clock.today(),
					EndReason.HOUSEHOLD_CLOSED, null, false, login())) {
				cadres.release(p.cadreId(), 1);
				audit.record("pairing.end", "pairing", p.id(),
						Map.of("householdId", householdId, "reason", EndReason.HOUSEHOLD_CLOSED.name()));
				return;
			}
		}
	}

	public LocalDate today() {
		return clock.today();
	}

	// ---- helpers

	/**
	 * The cadre to pair, active. A cadre with a login holds their user's row until the
	 * transaction ends ({@link Users#holdActive}), so a deactivation or transfer running at
	 * the same moment waits and then ends this pairing too, or comes first and this one is refused.
	 */
	private CadreView resolveCadre(Scope scope, Long cadreId, Long userId) {
		if (cadreId != null) {
			CadreView c = cadre(scope, cadreId);
			if (!c.active() || c.userId() != null && !users.holdActive(c.userId())) {
				throw BangfuException.badField("cadreId", "pairing.cadre.inactive", c.name());
			}
			return c;
		}
		if (userId != null) {
			users.holdActive(userId); // checked (with the roles) by cadreForUser
			return cadreForUser(scope, userId);
		}
		throw BangfuException.badField("cadreId", "pairing.cadre.required");
	}

	private HouseholdView household(Scope scope, long id) {
		return registry.find(scope, id).orElseThrow(() -> BangfuException.notFound("registry.household.notFound", id));
	}

	private HouseholdView pairable(Scope scope, Long id) {
		if (id == null) {
			throw BangfuException.badField("householdId", "pairing.household.required");
		}
		HouseholdView h = household(scope, id);
		if (h.status() != HouseholdStatus.FILED) {
			throw BangfuException.badField("householdId", "pairing.household.notFiled", h.fileNo());
		}
		Optional<PairingView> active = pairings.activeOf(id);
		if (active.isPresent()) {
			throw new BangfuException(Problem.CONFLICT, "pairing.household.alreadyPaired", h.fileNo(),
					active.get().cadreName());
		}
		return h;
	}

	private void take(CadreView cadre, PairingType type, int n) {
		int limit = type == PairingType.ONE_TO_ONE ? 1 : cadre.cap();
		if (!cadres.take(cadre.id(), n, limit)) {
			if (!cadres.active(cadre.id())) { // deactivated while this request waited for the cadre's row
				throw BangfuException.badField("cadreId", "pairing.cadre.inactive", cadre.name());
			}
			// say which rule refused: the cadre's one-to-one pairing, one-to-one wanted, or the cap with the real count
			if (cadres.holdsOneToOne(cadre.id())) {
				throw new BangfuException(Problem.CONFLICT, "pairing.cap.holdsOneToOne", cadre.name());
			}
			if (type == PairingType.ONE_TO_ONE) {
				throw new BangfuException(Problem.CONFLICT, "pairing.cap.oneToOne", cadre.name());
			}
			throw new BangfuException(Problem.CONFLICT, "pairing.cap.reached", cadre.name(), cadres.activeHouseholds(cadre.id()),
					cadre.cap(), n);
		}
	}

	private PairingView insert(Scope scope, CadreView cadre, HouseholdView h, PairingType type, LocalDate start,
			LocalDate plannedEnd) {
		LocalDate s = start == null ? clock.today() : start;
		LocalDate end = plannedEnd != null ? plannedEnd
				: s.plusMonths(settings.effective(h.organisationId()).minTermMonths());
		if (end.isBefore(s)) {
			throw BangfuException.badField("plannedEndOn", "pairing.plannedEnd.beforeStart");
		}
		long id;
		try {
			id = pairings.insert(cadre.id(), h.id(), h.organisationId(), type, s, end, login());
		}
		catch (DuplicateKeyException ex) {
			throw new BangfuException(Problem.CONFLICT, "pairing.household.alreadyPaired", h.fileNo(), "");
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("cadreId", cadre.id());
		detail.put("householdId", h.id());
		detail.put("type", type.name());
		detail.put("startedOn", s.toString());
		detail.put("plannedEndOn", end.toString());
		audit.record("pairing.create", "pairing", id, detail);
		return pairing(scope, id);
	}

	private PairingLists.Filter filter(Scope scope, Long organisationId, String region) {
		String path = organisationId == null ? null : organisations.require(scope, organisationId).path();
		return new PairingLists.Filter(path, regionPrefix(region));
	}

	private String regionPrefix(String region) {
		if (region == null || region.isBlank()) {
			return null;
		}
		return regions.find(region)
			.map(r -> r.shortCode())
			.orElseThrow(() -> BangfuException.badField("region", "region.code.unknown", region));
	}

	private static CoverageRow sum(String key, String name, Map<String, long[]> counts, String path, boolean ownOnly,
			boolean drillable) {
		long filed = 0;
		long paired = 0;
		for (var e : counts.entrySet()) {
			if (ownOnly ? e.getKey().equals(path) : e.getKey().startsWith(path)) {
				filed += e.getValue()[0];
				paired += e.getValue()[1];
			}
		}
		return new CoverageRow(key, name, filed, paired, drillable);
	}

	static String login() {
		return Actor.current().map(Actor::login).orElse("system");
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
