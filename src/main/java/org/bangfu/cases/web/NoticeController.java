package org.bangfu.cases.web;

import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
		Actor actor = Actor.require();
		NoticeView n = notices.require(actor, id);
		model.addAttribute("n", n);
		List<ObjectionView> objections = notices.objections(actor, id);
		model.addAttribute("objections", objections);
		model.addAttribute("today", notices.today());
		return "notices/detail";
	}

	@GetMapping("/notices/{id}.pdf")
	@PreAuthorize(CasePages.READ)
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("notice-" + id + ".pdf").build().toString())
			.body(notices.pdf(Actor.require(), id, locale, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()));
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
	String record(@PathVariable long id, @RequestParam(required = false) Long caseId,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String objectorName,
			@RequestParam(required = false) String objectorContact, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		try {
			if (text == null || text.isBlank()) {
				throw BangfuException.badField("text", "notices.objection.text.required");
			}
			if (channel == null || !List.of("PAPER", "PHONE", "VISIT").contains(channel)) {
				throw BangfuException.badField("channel", "notices.objection.channel.required");
			}
			if (caseId == null) {
				throw BangfuException.badField("caseId", "notices.objection.case.required");
			}
			notices.record(Actor.require(), id, new RecordObjection(caseId, channel, objectorName, objectorContact, text));
			redirect.addFlashAttribute("message", messages.get("notices.objection.recorded"));
		}
		catch (BangfuException ex) {
			rethrow(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/notices/" + id + "#objections";
	}

	@PostMapping("/notices/{id}/objections/{objectionId}/resolve")
	@PreAuthorize(CasePages.REVIEW)
	String resolve(@PathVariable long id, @PathVariable long objectionId, @RequestParam(required = false) Boolean upheld,
			@RequestParam(required = false) String finding, RedirectAttributes redirect) {
		try {
			notices.resolve(Actor.require(), objectionId, new Resolve(upheld, finding));
			redirect.addFlashAttribute("message", messages.get("notices.objection.resolvedMsg"));
		}
		catch (BangfuException ex) {
			rethrow(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/notices/" + id + "#objections";
	}

	private static void rethrow(BangfuException ex) {
		if (ex.problem() == Problem.NOT_FOUND || ex.problem() == Problem.FORBIDDEN) {
			throw ex;
		}
	}

}
