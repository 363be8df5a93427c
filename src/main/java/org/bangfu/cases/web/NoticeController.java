package org.bangfu.cases.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.bangfu.cases.CaseRow;
import org.bangfu.cases.NoticeColumn;
import org.bangfu.cases.NoticeCommands.CreateNotice;
import org.bangfu.cases.NoticeCommands.RecordObjection;
import org.bangfu.cases.NoticeCommands.Resolve;
import org.bangfu.cases.NoticeStatus;
import org.bangfu.cases.NoticeView;
import org.bangfu.cases.Notices;
import org.bangfu.cases.ObjectionView;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages for notices: prepare, publish, record and resolve objections. */
@Controller
class NoticeController {

	private final Notices notices;

	private final PageMessages messages;

	NoticeController(Notices notices, PageMessages messages) {
		this.notices = notices;
		this.messages = messages;
	}

	@GetMapping("/notices")
	@PreAuthorize(CasePages.READ)
	String list(@RequestParam(required = false) NoticeStatus status, Model model) {
		Actor actor = Actor.require();
		model.addAttribute("notices", notices.list(actor, status));
		model.addAttribute("status", status);
		model.addAttribute("statuses", NoticeStatus.values());
		model.addAttribute("waiting", notices.candidates(actor).size());
		return "notices/list";
	}

	@GetMapping("/notices/new")
	@PreAuthorize(CasePages.REVIEW)
	String newForm(Model model) {
		List<CaseRow> candidates = notices.candidates(Actor.require());
		model.addAttribute("form", new NoticeForm("", messages.get("notices.field.bodyDefault"), "", "",
				List.of(NoticeColumn.NAME, NoticeColumn.ORGANISATION, NoticeColumn.REGION, NoticeColumn.HOUSEHOLD_SIZE,
						NoticeColumn.CASE_TYPE),
				notices.maskNamesByDefault(), "", candidates.stream().map(CaseRow::id).toList()));
		return noticeForm(candidates, model);
	}

	private String noticeForm(List<CaseRow> candidates, Model model) {
		model.addAttribute("candidates", candidates);
		model.addAttribute("columns", NoticeColumn.values());
		return "notices/new";
	}

	@PostMapping("/notices")
	@PreAuthorize(CasePages.REVIEW)
	String create(@ModelAttribute("form") NoticeForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
		Actor actor = Actor.require();
		try {
			if (form.title() == null || form.title().isBlank()) {
				throw BangfuException.badField("title", "notices.title.required");
			}
			NoticeView n = notices.create(actor, new CreateNotice(form.title(), form.body(), null, form.days(),
					form.workingDays(), form.columns(), form.masked(), form.contact(), form.caseIds()));
			redirect.addFlashAttribute("message", messages.get("notices.created"));
			return "redirect:/notices/" + n.id();
		}
		catch (BangfuException ex) {
			messages.reject(errors, ex);
			return noticeForm(notices.candidates(actor), model);
		}
	}

	@GetMapping("/notices/{id}")
	@PreAuthorize(CasePages.READ)
	String detail(@PathVariable long id, Model model) {
		return detailPage(id, ObjectionForm.empty(), Map.of(), null, null, Map.of(), model);
	}

	/**
	 * The notice page; objection: what the record form shows, objectionErrors its errors by field;
	 * resolving/resolve/resolveErrors: the objection whose finding form was sent, what was typed and
	 * its errors.
	 */
	private String detailPage(long id, ObjectionForm objection, Map<String, String> objectionErrors, Long resolving,
			ResolveForm resolve, Map<String, String> resolveErrors, Model model) {
		Actor actor = Actor.require();
		NoticeView n = notices.require(actor, id);
		model.addAttribute("n", n);
		List<ObjectionView> objections = notices.objections(actor, id);
		model.addAttribute("objections", objections);
		model.addAttribute("today", notices.today());
		model.addAttribute("objection", objection);
		model.addAttribute("objectionErrors", objectionErrors);
		Map<Long, ResolveForm> resolveInputs = new HashMap<>();
		objections.forEach(o -> resolveInputs.put(o.id(), ResolveForm.empty()));
		Map<Long, Map<String, String>> errors = new HashMap<>();
		if (resolving != null) {
			resolveInputs.put(resolving, resolve);
			errors.put(resolving, resolveErrors);
		}
		model.addAttribute("resolveInputs", resolveInputs);
		model.addAttribute("resolveErrors", errors);
		model.addAttribute("noErrors", Map.of());
		return "notices/detail";
	}

	@GetMapping("/notices/{id}.pdf")
	@PreAuthorize(CasePages.READ)
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("notice-" + id + ".pdf").build().toString())
			.body(notices.pdf(Actor.require(), id, locale));
	}

	@PostMapping("/notices/{id}/publish")
	@PreAuthorize(CasePages.REVIEW)
	String publish(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		try {
			NoticeView n = notices.publish(Actor.require(), id, version);
			redirect.addFlashAttribute("message", messages.get("notices.published", n.startsOn(), n.endsOn()));
		}
		catch (BangfuException ex) {
			rethrow(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/notices/" + id;
	}

	@PostMapping("/notices/{id}/delete")
	@PreAuthorize(CasePages.REVIEW)
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		try {
			notices.deleteDraft(Actor.require(), id);
			redirect.addFlashAttribute("message", messages.get("notices.deleted"));
			return "redirect:/notices";
		}
		catch (BangfuException ex) {
			rethrow(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/notices/" + id;
		}
	}

	@PostMapping("/notices/{id}/objections")
	@PreAuthorize(CasePages.WORK)
	String record(@PathVariable long id, @ModelAttribute("objectionForm") ObjectionForm bound, BindingResult binding,
			Model model, RedirectAttributes redirect, WebRequest request) {
		ObjectionForm form = binding.hasErrors() ? FormErrors.typed(ObjectionForm.class, request) : bound;
		try {
			FormErrors.rejectUnbound(binding, Map.of("caseId", "notices.objection.case.required"));
			if (form.caseId() == null) {
				throw BangfuException.badField("caseId", "notices.objection.case.required");
			}
			if (form.channel() == null || !List.of("PAPER", "PHONE", "VISIT").contains(form.channel())) {
				throw BangfuException.badField("channel", "notices.objection.channel.required");
			}
			if (form.text() == null || form.text().isBlank()) {
				throw BangfuException.badField("text", "notices.objection.text.required");
			}
			notices.record(Actor.require(), id, new RecordObjection(form.caseId(), form.channel(), form.objectorName(),
					form.objectorContact(), form.text()));
			redirect.addFlashAttribute("message", messages.get("notices.objection.recorded"));
			return "redirect:/notices/" + id + "#objections";
		}
		catch (BangfuException ex) {
			Map<String, String> errors = FormErrors.of(messages, ex, ObjectionForm.class);
			model.addAttribute("error", messages.get("cases.form.notSaved"));
			return detailPage(id, form, errors, null, null, Map.of(), model);
		}
	}

	@PostMapping("/notices/{id}/objections/{objectionId}/resolve")
	@PreAuthorize(CasePages.REVIEW)
	String resolve(@PathVariable long id, @PathVariable long objectionId, @ModelAttribute("resolveForm") ResolveForm bound,
			BindingResult binding, Model model, RedirectAttributes redirect, WebRequest request) {
		ResolveForm form = binding.hasErrors() ? FormErrors.typed(ResolveForm.class, request) : bound;
		try {
			FormErrors.rejectUnbound(binding, Map.of("upheld", "notices.objection.upheld.required"));
			if (notices.objections(Actor.require(), id).stream().noneMatch(o -> o.id() == objectionId)) {
				throw BangfuException.notFound("notices.objection.notFound", objectionId);
			}
			notices.resolve(Actor.require(), objectionId, new Resolve(form.upheld(), form.finding()));
			redirect.addFlashAttribute("message", messages.get("notices.objection.resolvedMsg"));
			return "redirect:/notices/" + id + "#objections";
		}
		catch (BangfuException ex) {
			Map<String, String> errors = FormErrors.of(messages, ex, ResolveForm.class);
			model.addAttribute("error", messages.get("cases.form.notSaved"));
			return detailPage(id, ObjectionForm.empty(), Map.of(), objectionId, form, errors, model);
		}
	}

	private static void rethrow(BangfuException ex) {
		if (ex.problem() == Problem.NOT_FOUND || ex.problem() == Problem.FORBIDDEN) {
			throw ex;
		}
	}

}
