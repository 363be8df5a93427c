package org.bangfu.pairing.web;

import java.time.LocalDate;
import java.util.List;

import org.bangfu.organisation.Organisations;
import org.bangfu.pairing.CadreView;
import org.bangfu.pairing.OrgPairingView;
import org.bangfu.pairing.PairingCommands.BulkPair;
import org.bangfu.pairing.PairingCommands.EndOrgPairing;
import org.bangfu.pairing.PairingCommands.EndPairing;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingCommands.PairOrganisations;
import org.bangfu.pairing.PairingCommands.RegisterCadre;
import org.bangfu.pairing.PairingCommands.UpdateSettings;
import org.bangfu.pairing.PairingView;
import org.bangfu.pairing.PairingVocabulary.EndReason;
import org.bangfu.pairing.PairingVocabulary.OrgEndReason;
import org.bangfu.pairing.PairingVocabulary.PairingType;
import org.bangfu.pairing.Pairings;
import org.bangfu.pairing.Visits;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pairing pages: unpaired list with bulk re-pairing, cadres, a household's pairing, coverage, settings. */
@Controller
class PairingPagesController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','AUDITOR')";

	static final String PAIR = "hasRole('ADMIN')";

	private final Pairings pairings;

	private final HouseholdRegistry registry;

	private final Organisations organisations;

	private final PageMessages messages;

	private final Visits visits;

	PairingPagesController(Pairings pairings, HouseholdRegistry registry, Organisations organisations, PageMessages messages,
			Visits visits) {
		this.pairings = pairings;
		this.visits = visits;
		this.registry = registry;
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/pairing/unpaired")
	@PreAuthorize(READ)
	String unpaired(@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size, Model model) {
		Scope scope = scope();
		try {
			model.addAttribute("rows", pairings.unpaired(scope, organisationId, region, page, size));
			model.addAttribute("total", pairings.countUnpaired(scope, organisationId, region));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			model.addAttribute("filterError", messages.of(ex));
			model.addAttribute("rows", pairings.unpaired(scope, null, null, 1, size));
			model.addAttribute("total", pairings.countUnpaired(scope));
		}
		model.addAttribute("organisationId", organisationId);
		model.addAttribute("region", region);
		model.addAttribute("page", Math.max(1, page));
		model.addAttribute("size", Math.max(10, Math.min(100, size)));
		model.addAttribute("organisations", organisations.tree(scope));
		model.addAttribute("cadres", withRoom(scope));
		return "pairing/unpaired";
	}

	@PostMapping("/pairing/unpaired/pair")
	@PreAuthorize(PAIR)
	String bulkPair(@RequestParam(required = false) Long cadreId, @RequestParam(required = false) List<Long> householdIds,
			@RequestParam(required = false) PairingType type, RedirectAttributes redirect) {
		try {
			if (householdIds == null || householdIds.isEmpty()) {
				throw BangfuException.badField("householdIds", "pairing.households.required");
			}
			List<PairingView> done = pairings.bulkPair(scope(), new BulkPair(cadreId, null, householdIds, type));
			redirect.addFlashAttribute("message", messages.get("pairing.bulk.done", done.size(), done.get(0).cadreName()));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/pairing/unpaired";
	}

	@GetMapping("/pairing/cadres")
	@PreAuthorize(READ)
	String cadres(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("cadres", pairings.cadres(scope(), false, q));
		model.addAttribute("q", q);
		model.addAttribute("organisations", organisations.tree(scope()));
		return "pairing/cadres";
	}

	@PostMapping("/pairing/cadres")
	@PreAuthorize(PAIR)
	String registerCadre(@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String position,
			RedirectAttributes redirect) {
		try {
			if (name == null || name.isBlank()) {
				throw BangfuException.badField("name", "pairing.cadre.name.required");
			}
			CadreView c = pairings.registerCadre(scope(), new RegisterCadre(organisationId, name, phone, position));
			redirect.addFlashAttribute("message", messages.get("pairing.cadre.created", c.name()));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex; // an organisation outside the scope: not found, as everywhere
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/pairing/cadres";
	}

	@GetMapping("/pairing/cadres/{id}")
	@PreAuthorize(READ)
	String cadre(@PathVariable long id, Model model) {
		model.addAttribute("cadre", pairings.cadre(scope(), id));
		model.addAttribute("pairings", pairings.search(scope(), id, null, false, 200, 0));
		return "pairing/cadre";
	}

	@GetMapping("/pairing/households/{id}")
	@PreAuthorize(READ)
	String household(@PathVariable long id, Model model) {
		Scope scope = scope();
		model.addAttribute("h", registry.view(scope, id));
		List<PairingView> history = pairings.history(scope, id);
		model.addAttribute("history", history);
		model.addAttribute("current", history.stream().filter(PairingView::active).findFirst().orElse(null));
		model.addAttribute("cadres", withRoom(scope));
		model.addAttribute("types", PairingType.values());
		model.addAttribute("reasons", EndReason.values());
		model.addAttribute("today", pairings.today());
		model.addAttribute("mayRecord", visits.mayRecord(Actor.require(), id));
		return "pairing/household";
	}

	@PostMapping("/pairing/households/{id}/pair")
	@PreAuthorize(PAIR)
	String pair(@PathVariable long id, @RequestParam(required = false) Long cadreId,
			@RequestParam(required = false) PairingType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedEndOn,
			RedirectAttributes redirect) {
		try {
			PairingView p = pairings.pair(scope(), new Pair(cadreId, null, id, type, startedOn, plannedEndOn));
			redirect.addFlashAttribute("message", messages.get("pairing.paired", p.fileNo(), p.cadreName()));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/pairing/households/" + id;
	}

	@PostMapping("/pairing/pairings/{pairingId}/end")
	@PreAuthorize(PAIR)
	String end(@PathVariable long pairingId, @RequestParam(required = false) EndReason reason,
			@RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean confirmEarly,
			RedirectAttributes redirect) {
		PairingView p = pairings.pairing(scope(), pairingId);
		try {
			if (reason == null) {
				throw BangfuException.badField("reason", "pairing.endReason.required");
			}
			pairings.end(scope(), pairingId, new EndPairing(reason, note, null, confirmEarly));
			redirect.addFlashAttribute("message", messages.get("pairing.ended", p.fileNo()));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			redirect.addFlashAttribute("earlyWarning", "pairing.end.early".equals(ex.messageKey()));
		}
		return "redirect:/pairing/households/" + p.householdId();
	}

	@GetMapping("/pairing/coverage")
	@PreAuthorize(READ)
	String coverage(@RequestParam(defaultValue = "organisation") String by, @RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) String region, Model model) {
		Scope scope = scope();
		boolean byRegion = "region".equals(by);
		model.addAttribute("by", byRegion ? "region" : "organisation");
		model.addAttribute("rows", byRegion ? pairings.coverageByRegion(scope, region)
				: pairings.coverageByOrganisation(scope, organisationId));
		model.addAttribute("region", region);
		model.addAttribute("organisation", organisations.require(scope, organisationId == null ? scope.organisationId() : organisationId));
		return "pairing/coverage";
	}

	@GetMapping("/pairing/settings")
	@PreAuthorize(READ)
	String settings(Model model) {
		Scope scope = scope();
		model.addAttribute("settings", pairings.settings(scope, scope.organisationId()));
		model.addAttribute("orgCapacity", pairings.orgCapacity(scope, scope.organisationId()));
		model.addAttribute("orgUsed", pairings.orgQuotaUsed(scope.organisationId(), pairings.today().getYear()));
		model.addAttribute("orgPairings", pairings.orgPairings(scope, null));
		model.addAttribute("organisations", organisations.tree(scope));
		model.addAttribute("year", pairings.today().getYear());
		model.addAttribute("orgEndReasons", OrgEndReason.values());
		return "pairing/settings";
	}

	@PostMapping("/pairing/settings")
	@PreAuthorize(PAIR)
	String saveSettings(@RequestParam int cadreCap, @RequestParam int minTermMonths,
			@RequestParam(required = false) Integer orgCapacity, RedirectAttributes redirect) {
		try {
			if (cadreCap < 1 || cadreCap > 50 || minTermMonths < 0 || minTermMonths > 120
					|| orgCapacity != null && (orgCapacity < 0 || orgCapacity > 100)) {
				throw BangfuException.badField("cadreCap", "pairing.settings.range");
			}
			pairings.updateSettings(scope(), scope().organisationId(), new UpdateSettings(cadreCap, minTermMonths, orgCapacity));
			redirect.addFlashAttribute("message", messages.get("common.saved"));
		}
		catch (BangfuException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/pairing/settings";
	}

	@PostMapping("/pairing/organisation-pairings")
	@PreAuthorize(PAIR)
	String pairOrganisations(@RequestParam Long helperId, @RequestParam Long helpedId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			pairings.pairOrganisations(scope(), new PairOrganisations(helperId, helpedId, year, note));
			redirect.addFlashAttribute("message", messages.get("common.saved"));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/pairing/settings";
	}

	@PostMapping("/pairing/organisation-pairings/{id}/end")
	@PreAuthorize(PAIR)
	String endOrgPairing(@PathVariable long id, @RequestParam(required = false) OrgEndReason reason,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		OrgPairingView p = pairings.orgPairing(scope(), id);
		try {
			if (reason == null) {
				throw BangfuException.badField("reason", "pairing.endReason.required");
			}
			pairings.endOrgPairing(scope(), id, new EndOrgPairing(reason, note, null));
			redirect.addFlashAttribute("message", messages.get("pairing.org.ended", p.helperName(), p.helpedName(), String.valueOf(p.year())));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/pairing/settings";
	}

	private List<CadreView> withRoom(Scope scope) {
		return pairings.cadres(scope, true, null).stream().filter(c -> c.room() > 0).toList();
	}

	private static Scope scope() {
		return Actor.require().scope();
	}

}
