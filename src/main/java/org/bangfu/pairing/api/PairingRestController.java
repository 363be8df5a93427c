package org.bangfu.pairing.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.bangfu.pairing.CadreView;
import org.bangfu.pairing.CoverageRow;
import org.bangfu.pairing.OrgPairingView;
import org.bangfu.pairing.PairingCommands.BulkPair;
import org.bangfu.pairing.PairingCommands.EndOrgPairing;
import org.bangfu.pairing.PairingCommands.EndPairing;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingCommands.PairOrganisations;
import org.bangfu.pairing.PairingCommands.RegisterCadre;
import org.bangfu.pairing.PairingCommands.UpdateSettings;
import org.bangfu.pairing.PairingSettings;
import org.bangfu.pairing.PairingView;
import org.bangfu.pairing.Pairings;
import org.bangfu.pairing.UnpairedRow;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Scope;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Pairing", description = "Cadres, household pairings with a hard cap, unpaired list, coverage, organisation pairing (结对帮扶)")
class PairingRestController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','AUDITOR')";

	static final String PAIR = "hasRole('ADMIN')";

	private final Pairings pairings;

	PairingRestController(Pairings pairings) {
		this.pairings = pairings;
	}

	@GetMapping("/cadres")
	@PreAuthorize(READ)
	@Operation(summary = "Cadres in scope with their active households, cap and room")
	List<CadreView> cadres(@RequestParam(defaultValue = "false") boolean activeOnly, @RequestParam(required = false) String q) {
		return pairings.cadres(scope(), activeOnly, q);
	}

	@GetMapping("/cadres/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "One cadre with capacity (cap, active households, room)")
	CadreView cadre(@PathVariable long id) {
		return pairings.cadre(scope(), id);
	}

	@PostMapping("/cadres")
	@PreAuthorize(PAIR)
	@Operation(summary = "Record a cadre without a login (users become cadres when first paired)")
	ResponseEntity<CadreView> registerCadre(@Valid @RequestBody RegisterCadre cmd) {
		CadreView c = pairings.registerCadre(scope(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/cadres/" + c.id())).body(c);
	}

	@GetMapping("/pairings")
	@PreAuthorize(READ)
	@Operation(summary = "Pairings in scope, filtered by cadre, household, active only")
	List<PairingView> pairings(@RequestParam(required = false) Long cadreId, @RequestParam(required = false) Long householdId,
			@RequestParam(defaultValue = "false") boolean activeOnly, @RequestParam(defaultValue = "100") int limit,
			@RequestParam(defaultValue = "0") int offset) {
		return pairings.search(scope(), cadreId, householdId, activeOnly, limit, offset);
	}

	@GetMapping("/pairings/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "One pairing")
	PairingView pairing(@PathVariable long id) {
		return pairings.pairing(scope(), id);
	}

	@PostMapping("/pairings")
	@PreAuthorize(PAIR)
	@Operation(summary = "Pair a cadre (cadreId, or userId of a pairing cadre) with a household",
			description = "409 when the cadre's cap is reached (enforced by the database under concurrency) or the household is paired already.")
	ResponseEntity<PairingView> pair(@Valid @RequestBody Pair cmd) {
		PairingView p = pairings.pair(scope(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/pairings/" + p.id())).body(p);
	}

	@PostMapping("/pairings/bulk")
	@PreAuthorize(PAIR)
	@Operation(summary = "Pair one cadre with several households (e.g. from the unpaired list): all or none")
	List<PairingView> bulk(@Valid @RequestBody BulkPair cmd) {
		return pairings.bulkPair(scope(), cmd);
	}

	@PostMapping("/pairings/{id}/end")
	@PreAuthorize(PAIR)
	@Operation(summary = "End a pairing", description = "Before the minimum term: 409 with a warning unless confirmEarly is true.")
	PairingView end(@PathVariable long id, @Valid @RequestBody EndPairing cmd) {
		return pairings.end(scope(), id, cmd);
	}

	@GetMapping("/pairings/unpaired")
	@PreAuthorize(READ)
	@Operation(summary = "Filed households without an active pairing, with days since unpaired (longest first)")
	Map<String, Object> unpaired(@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
		List<UnpairedRow> rows = pairings.unpaired(scope(), organisationId, region, page, size);
		return Map.of("rows", rows, "total", pairings.countUnpaired(scope(), organisationId, region), "page", page);
	}

	@GetMapping("/pairings/coverage")
	@PreAuthorize(READ)
	@Operation(summary = "Coverage (paired / filed) by organisation (the subtree, its own, each child) or by region (one level below)")
	List<CoverageRow> coverage(@RequestParam(defaultValue = "organisation") String by,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String region) {
		return "region".equals(by) ? pairings.coverageByRegion(scope(), region)
				: pairings.coverageByOrganisation(scope(), organisationId);
	}

	@GetMapping("/pairing-settings/{organisationId}")
	@PreAuthorize(READ)
	@Operation(summary = "Cap per cadre, minimum term, organisation capacity in force (own or inherited)")
	PairingSettings settings(@PathVariable long organisationId) {
		return pairings.settings(scope(), organisationId);
	}

	@PutMapping("/pairing-settings/{organisationId}")
	@PreAuthorize(PAIR)
	@Operation(summary = "Set the organisation's cap per cadre, minimum term and organisation capacity (inherited by its subtree)")
	PairingSettings updateSettings(@PathVariable long organisationId, @Valid @RequestBody UpdateSettings cmd) {
		return pairings.updateSettings(scope(), organisationId, cmd);
	}

	@GetMapping("/organisation-pairings")
	@PreAuthorize(READ)
	@Operation(summary = "Organisation-to-organisation pairings (plan 8, plan 12)")
	List<OrgPairingView> orgPairings(@RequestParam(required = false) Integer year) {
		return pairings.orgPairings(scope(), year);
	}

	@GetMapping("/organisation-pairings/capacity/{helperId}")
	@PreAuthorize(READ)
	@Operation(summary = "How many organisations the helper may help per year and how many it helps in the year")
	Map<String, Integer> orgCapacity(@PathVariable long helperId, @RequestParam(required = false) Integer year) {
		int y = year == null ? pairings.today().getYear() : year;
		return Map.of("capacity", pairings.orgCapacity(scope(), helperId), "used", pairings.orgQuotaUsed(helperId, y), "year", y);
	}

	@PostMapping("/organisation-pairings")
	@PreAuthorize(PAIR)
	@Operation(summary = "An organisation helps another in a year; 409 past the helper's yearly capacity (province 3, city 2, else 1)")
	ResponseEntity<OrgPairingView> pairOrganisations(@Valid @RequestBody PairOrganisations cmd) {
		OrgPairingView p = pairings.pairOrganisations(scope(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/organisation-pairings/" + p.id())).body(p);
	}

	@GetMapping("/organisation-pairings/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "One organisation-to-organisation pairing (both organisations in scope)")
	OrgPairingView orgPairing(@PathVariable long id) {
		return pairings.orgPairing(scope(), id);
	}

	@PostMapping("/organisation-pairings/{id}/end")
	@PreAuthorize(PAIR)
	@Operation(summary = "End an organisation-to-organisation pairing with a reason (TERM_COMPLETED, GOALS_MET, REASSIGNED, OTHER)",
			description = "The helper's place in that year's capacity is given back. 409 when it has ended already.")
	OrgPairingView endOrgPairing(@PathVariable long id, @Valid @RequestBody EndOrgPairing cmd) {
		return pairings.endOrgPairing(scope(), id, cmd);
	}

	private static Scope scope() {
		return Actor.require().scope();
	}

}
