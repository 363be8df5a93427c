package org.bangfu.pairing.web;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bangfu.organisation.Organisations;
import org.bangfu.pairing.Checklist;
import org.bangfu.pairing.PairingVocabulary.Frequency;
import org.bangfu.pairing.PairingVocabulary.Indicator;
import org.bangfu.pairing.PairingVocabulary.VisitKind;
import org.bangfu.pairing.CadreView;
import org.bangfu.pairing.Pairings;
import org.bangfu.pairing.VisitCommands.RecordVisit;
import org.bangfu.pairing.VisitCommands.SetPolicy;
import org.bangfu.pairing.VisitView;
import org.bangfu.pairing.Visits;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.core.io.FileSystemResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-page visit form for phones, due and overdue lists, photos, indicators and visit policies. */
@Controller
class VisitPagesController {

	static final String READ = PairingPagesController.READ;

	static final String RECORD = "hasAnyRole('ADMIN','CASEWORKER','PAIRING_CADRE')";

	private final Visits visits;

	private final Pairings pairings;

	private final Organisations organisations;

	private final PageMessages messages;

	VisitPagesController(Visits visits, Pairings pairings, Organisations organisations, PageMessages messages) {
		this.visits = visits;
		this.pairings = pairings;
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/visits/new")
	@PreAuthorize(RECORD)
	String newVisit(@RequestParam long householdId, Model model) {
		Actor actor = Actor.require();
		HouseholdView h = visits.requireRecordable(actor, householdId);
		form(model, h, actor.displayName(), visits.today(), UUID.randomUUID().toString(), Checklist.empty(), null);
		return "pairing/visit";
	}

	@PostMapping("/visits")
	@PreAuthorize(RECORD)
	String record(@RequestParam long householdId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
			@RequestParam(required = false) VisitKind kind, @RequestParam(required = false) String visitors,
			@RequestParam(required = false) String findings, @RequestParam(required = false) String problems,
			@RequestParam(required = false) String measuresAgreed, @RequestParam(required = false) String clientKey,
			@RequestParam Map<String, String> all, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			Model model, RedirectAttributes redirect) {
		Actor actor = Actor.require();
		HouseholdView h = visits.requireRecordable(actor, householdId);
		Checklist checklist = checklist(all);
		try {
			if (visitedOn == null) {
				throw BangfuException.badField("visitedOn", "visit.date.required");
			}
			if (kind == null) {
				throw BangfuException.badField("kind", "visit.kind.required");
			}
			if (visitors == null || visitors.isBlank()) {
				throw BangfuException.badField("visitors", "visit.visitors.required");
			}
			for (String text : new String[] { findings, problems, measuresAgreed }) {
				if (text != null && text.length() > 4000) {
					throw BangfuException.badField("findings", "visit.text.size");
				}
			}
			List<byte[]> contents = new ArrayList<>();
			if (photos != null) {
				for (MultipartFile f : photos) {
					if (!f.isEmpty()) {
						if (f.getSize() > 20L * 1024 * 1024) {
							throw BangfuException.badField("photos", "visit.photo.tooLarge");
						}
						contents.add(f.getBytes());
					}
				}
			}
			VisitView v = visits.recordWithPhotos(actor, new RecordVisit(householdId, visitedOn, kind, visitors.trim(),
					findings, problems, measuresAgreed, checklist, clientKey), contents);
			redirect.addFlashAttribute("message", messages.get("visit.recorded", v.visitedOn(), v.fileNo()));
			return "redirect:/ledger/" + householdId + "#visit-" + v.id();
		}
		catch (BangfuException ex) {
			if (ex.problem() != Problem.BAD_INPUT && ex.problem() != Problem.CONFLICT) {
				throw ex;
			}
			model.addAttribute("error", messages.of(ex));
			model.addAttribute("errorField", ex.field());
		}
		catch (IOException ex) {
			model.addAttribute("error", messages.get("visit.photo.notImage"));
		}
		form(model, h, visitors, visitedOn, clientKey, checklist, kind);
		model.addAttribute("findings", findings);
		model.addAttribute("problems", problems);
		model.addAttribute("measuresAgreed", measuresAgreed);
		return "pairing/visit";
	}

	@GetMapping("/visits/photos/{id}")
	@PreAuthorize(READ)
	ResponseEntity<FileSystemResource> photo(@PathVariable long id) {
		Visits.StoredFile f = visits.photo(Actor.require().scope(), id);
		if (!Files.exists(f.path())) {
			throw BangfuException.notFound("visit.photo.notFound", id);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.contentType()))
			.cacheControl(CacheControl.noStore())
			.body(new FileSystemResource(f.path()));
	}

	@GetMapping("/visits/due")
	@PreAuthorize(READ)
	String due(@RequestParam(required = false) Long cadreId, @RequestParam(defaultValue = "14") int within,
			@RequestParam(defaultValue = "false") boolean overdue, Model model) {
		Scope scope = Actor.require().scope();
		model.addAttribute("rows", visits.due(scope, cadreId, within, overdue, 500));
		Actor actor = Actor.require();
		// the record button only where it leads somewhere: everyone's rows for caseworkers and
		// administrators, a cadre's own households for a cadre
		model.addAttribute("recordAny", visits.mayRecordAny(actor));
		model.addAttribute("myCadreId", actor.has(Role.PAIRING_CADRE)
				? pairings.cadreOfUser(actor.userId()).map(CadreView::id).orElse(null) : null);
		model.addAttribute("cadres", pairings.cadres(scope, true, null));
		model.addAttribute("cadreId", cadreId);
		model.addAttribute("within", within);
		model.addAttribute("overdue", overdue);
		return "pairing/due";
	}

	@GetMapping("/visits/due/mine")
	@PreAuthorize(READ)
	String mine(Model model) {
		model.addAttribute("rows", visits.dueForUser(Actor.require(), 14));
		return "pairing/due :: mine";
	}

	/** A pairing cadre's start page on a phone: the households paired with them, one tap to record a visit. */
	@GetMapping("/visits/mine")
	@PreAuthorize(READ)
	String myHouseholds(Model model) {
		Actor actor = Actor.require();
		List<org.bangfu.pairing.DueRow> rows = visits.pairedWithUser(actor);
		model.addAttribute("rows", rows);
		model.addAttribute("displayName", actor.displayName());
		model.addAttribute("cadre", pairings.cadreOfUser(actor.userId()).isPresent());
		model.addAttribute("overdueCount", rows.stream().filter(org.bangfu.pairing.DueRow::overdue).count());
		model.addAttribute("dueSoonCount", rows.stream().filter(r -> !r.overdue() && r.daysLeft() <= 14).count());
		return "pairing/mine";
	}

	@GetMapping("/visits/indicators")
	@PreAuthorize(READ)
	String indicators(@RequestParam(defaultValue = "organisation") String by, @RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) String region, Model model) {
		Scope scope = Actor.require().scope();
		boolean byRegion = "region".equals(by);
		model.addAttribute("by", byRegion ? "region" : "organisation");
		model.addAttribute("rows", byRegion ? visits.indicatorsByRegion(scope, region) : visits.indicatorsByOrganisation(scope, organisationId));
		model.addAttribute("indicators", Indicator.values());
		model.addAttribute("region", region);
		return "pairing/indicators";
	}

	@GetMapping("/visits/policies")
	@PreAuthorize(READ)
	String policies(Model model) {
		Scope scope = Actor.require().scope();
		model.addAttribute("policies", visits.policies(scope));
		model.addAttribute("organisations", organisations.tree(scope));
		model.addAttribute("categories", Category.values());
		model.addAttribute("frequencies", Frequency.values());
		return "pairing/policies";
	}

	@PostMapping("/visits/policies")
	@PreAuthorize("hasRole('ADMIN')")
	String setPolicy(@RequestParam(required = false) Long organisationId, @RequestParam(required = false) String category,
			@RequestParam(required = false) Frequency frequency, @RequestParam(required = false) Integer intervalDays,
			RedirectAttributes redirect) {
		try {
			if (frequency == null) {
				throw BangfuException.badField("frequency", "visit.policy.frequency.required");
			}
			visits.setPolicy(Actor.require().scope(), new SetPolicy(organisationId, category, frequency, intervalDays));
			redirect.addFlashAttribute("message", messages.get("common.saved"));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/visits/policies";
	}

	@PostMapping("/visits/policies/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String deletePolicy(@PathVariable long id, RedirectAttributes redirect) {
		visits.deletePolicy(Actor.require().scope(), id);
		redirect.addFlashAttribute("message", messages.get("common.saved"));
		return "redirect:/visits/policies";
	}

	private void form(Model model, HouseholdView h, String visitors, LocalDate visitedOn, String clientKey,
			Checklist checklist, VisitKind kind) {
		model.addAttribute("h", h);
		model.addAttribute("visitors", visitors);
		model.addAttribute("visitedOn", visitedOn);
		model.addAttribute("today", visits.today());
		model.addAttribute("clientKey", clientKey == null || clientKey.isBlank() ? UUID.randomUUID().toString() : clientKey);
		model.addAttribute("checklist", checklist.asMap());
		model.addAttribute("indicators", Indicator.values());
		model.addAttribute("kinds", VisitKind.values());
		model.addAttribute("kind", kind == null ? VisitKind.HOME : kind);
	}

	static Checklist checklist(Map<String, String> params) {
		Map<Indicator, Boolean> values = new EnumMap<>(Indicator.class);
		for (Indicator i : Indicator.values()) {
			String v = params.get(i.field());
			values.put(i, "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : null);
		}
		return Checklist.of(values);
	}

}
