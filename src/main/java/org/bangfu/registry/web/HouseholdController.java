package org.bangfu.registry.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdCommands.UpdateHousehold;
import org.bangfu.registry.HouseholdExport;
import org.bangfu.registry.HouseholdExportJobs;
import org.bangfu.registry.HouseholdPage;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.registry.internal.StatusPolicy;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.IdNumber;
import org.bangfu.platform.web.PageMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class HouseholdController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','AUDITOR')";

	static final String WRITE = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER')";

	private final HouseholdRegistry registry;

	private final HouseholdExportJobs exportJobs;

	private final FormErrors forms;

	private final PageMessages messages;

	private final BusinessClock clock;

	HouseholdController(HouseholdRegistry registry, HouseholdExportJobs exportJobs, FormErrors forms,
			PageMessages messages, BusinessClock clock) {
		this.registry = registry;
		this.exportJobs = exportJobs;
		this.forms = forms;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/households")
	@PreAuthorize(READ)
	String list(@ModelAttribute("q") HouseholdQuery q, Model model) {
		try {
			model.addAttribute("page", registry.search(Actor.require().scope(), q));
		}
		catch (BangfuException ex) {
			// no list under an error: the user would take it for the result of what they typed
			model.addAttribute("filterError", messages.of(ex));
			model.addAttribute("page", new HouseholdPage(List.of(), 0, 1, q.sizeOrDefault()));
		}
		model.addAttribute("fullExport", HouseholdRegistry.mayReveal(Actor.require().roles()));
		vocabulary(model);
		return "registry/list";
	}

	/**
	 * The search result with the same filters as a file (xlsx or csv) in the import template, in
	 * the request, for a selection within the direct limit (the list page's buttons run a job:
	 * {@link HouseholdExportController}). Bad filters go back to the list, which names them.
	 */
	@GetMapping("/households/export")
	@PreAuthorize(READ)
	String export(@ModelAttribute("q") HouseholdQuery q, @RequestParam(required = false) String format,
			@RequestParam(required = false) String purpose, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		Actor actor = Actor.require();
		HouseholdExport.Prepared prepared;
		try {
			prepared = exportJobs.prepareDirect(actor, q, HouseholdExport.Format.of(format), purpose);
		}
		catch (BangfuException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
			String query = request.getQueryString();
			return "redirect:/households" + (query == null ? "" : "?" + query);
		}
		response.setContentType(prepared.format().contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(HouseholdExport.fileName(clock.now(), prepared.format()))
			.build()
			.toString());
		prepared.writeTo(response.getOutputStream());
		return null;
	}

	@GetMapping("/households/{id}")
	@PreAuthorize(READ)
	String detail(@PathVariable long id, @RequestParam(defaultValue = "members") String tab,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
		Actor actor = Actor.require();
		HouseholdView h = registry.view(actor.scope(), id).forRoles(actor.roles());
		model.addAttribute("h", h);
		model.addAttribute("today", registry.today());
		model.addAttribute("figures", h.figures(registry.today()));
		model.addAttribute("tab", tab);
		model.addAttribute("mayReveal", HouseholdRegistry.mayReveal(actor.roles()));
		if ("history".equals(tab)) {
			model.addAttribute("history", registry.viewHistory(actor.scope(), id));
		}
		if ("asOf".equals(tab) && asOf != null) {
			model.addAttribute("asOf", asOf);
			try {
				HouseholdView then = registry.asOf(actor.scope(), id, asOf).forRoles(actor.roles());
				model.addAttribute("then", then);
				model.addAttribute("thenFigures", then.figures(asOf));
			}
			catch (BangfuException ex) {
				model.addAttribute("asOfError", messages.of(ex));
			}
		}
		model.addAttribute("closeReasons", CloseReason.values());
		return "registry/detail";
	}

	@GetMapping("/households/{id}/edit")
	@PreAuthorize(WRITE)
	String editForm(@PathVariable long id, Model model) {
		HouseholdView h = registry.view(Actor.require().scope(), id);
		model.addAttribute("h", h);
		model.addAttribute("form", HouseholdForm.of(h));
		vocabulary(model);
		return "registry/edit";
	}

	@PostMapping("/households/{id}/edit")
	@PreAuthorize(WRITE)
	String update(@PathVariable long id, @ModelAttribute("form") HouseholdForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		HouseholdView h = inScope(registry, id);
		UpdateHousehold cmd = new UpdateHousehold(form.getVersion(), form.toData());
		forms.validate(cmd, errors, p -> p.startsWith("household.") ? p.substring(10) : p);
		if (!errors.hasErrors()) {
			try {
				registry.update(Actor.require().scope(), id, cmd);
				redirect.addFlashAttribute("message", messages.get("registry.saved"));
				return "redirect:/households/" + id;
			}
			catch (BangfuException ex) {
				forms.reject(errors, ex, "");
			}
		}
		model.addAttribute("h", h);
		vocabulary(model);
		return "registry/edit";
	}

	@PostMapping("/households/{id}/close")
	@PreAuthorize(WRITE)
	String close(@PathVariable long id, @RequestParam(required = false) CloseReason reason,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		inScope(registry, id);
		try {
			CloseHousehold cmd = new CloseHousehold(reason, note);
			StatusPolicy.mayCloseDirectly(cmd);
			registry.close(Actor.require().scope(), id, cmd);
			redirect.addFlashAttribute("message", messages.get("registry.closedMsg"));
		}
		catch (BangfuException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/households/" + id;
	}

	/** No paper filing, exit or reopening: these old form targets answer with the case to open instead. */
	@PostMapping({ "/households/{id}/file", "/households/{id}/exit", "/households/{id}/reopen" })
	@PreAuthorize(WRITE)
	String throughCase(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		HouseholdView h = inScope(registry, id);
		String uri = request.getRequestURI();
		String type = uri.endsWith("/file") ? "NEW_FILING" : uri.endsWith("/exit") ? "EXIT" : "REOPEN";
		redirect.addFlashAttribute("error", messages.of(StatusPolicy.throughCase(h, type)));
		return "redirect:/cases/new?householdId=" + id + "&type=" + type;
	}

	@PostMapping("/households/{id}/members/{memberId}/reveal")
	@PreAuthorize("hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER')")
	String reveal(@PathVariable long id, @PathVariable long memberId, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		Actor actor = Actor.require();
		String full = registry.revealIdNumber(actor.scope(), actor.roles(), id, memberId);
		if (htmx != null) {
			model.addAttribute("full", full);
			return "registry/fragments :: revealed";
		}
		redirect.addFlashAttribute("revealed", Map.of(memberId, full));
		return "redirect:/households/" + id;
	}

	/** Live check of an ID number for htmx: validity, sex and birth date. */
	@PostMapping("/households/id-check")
	@PreAuthorize(READ)
	String idCheck(@RequestParam Map<String, String> params, Model model) {
		String text = params.entrySet().stream().filter(e -> e.getKey().endsWith("idNumber")).map(Map.Entry::getValue)
			.findFirst().orElse("");
		try {
			IdNumber id = IdNumber.parse("idNumber", text, registry.today());
			model.addAttribute("ok", messages.get("registry.idCheck.ok", messages.get("registry.sex." + id.sex()),
					id.birthDate().toString()));
		}
		catch (BangfuException ex) {
			model.addAttribute("problem", text.isBlank() ? "" : messages.of(ex));
		}
		return "registry/fragments :: idCheck";
	}

	/**
	 * The household if it is in the caller's scope, else "not found" (404) before anything is
	 * tried: a refusal shown as a message on the next page is only for households the caller may see.
	 */
	static HouseholdView inScope(HouseholdRegistry registry, long id) {
		return registry.find(Actor.require().scope(), id)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", id));
	}

	static void vocabulary(Model model) {
		model.addAttribute("statuses", Vocabulary.HouseholdStatus.values());
		model.addAttribute("categories", Vocabulary.Category.values());
		model.addAttribute("causes", Vocabulary.HardshipCause.values());
		model.addAttribute("housingTypes", Vocabulary.HousingType.values());
		model.addAttribute("relations", Vocabulary.Relation.values());
		model.addAttribute("employments", Vocabulary.Employment.values());
		model.addAttribute("healths", Vocabulary.Health.values());
		model.addAttribute("schoolings", Vocabulary.Schooling.values());
		model.addAttribute("sizes", HouseholdQuery.SIZES);
	}

}
