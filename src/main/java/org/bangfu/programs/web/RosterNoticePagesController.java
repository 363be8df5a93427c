package org.bangfu.programs.web;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.NoticeObjection;
import org.bangfu.programs.RosterNoticeView;
import org.bangfu.programs.RosterNotices;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Publishing a roster as a public notice (公示), and the public pages of roster notices (no login). */
@Controller
class RosterNoticePagesController {

	static final String PUBLISH = "hasAnyRole('ADMIN','REVIEWER','APPROVER','FINANCE_OFFICER')";

	private final RosterNotices notices;

	private final PageMessages messages;

	RosterNoticePagesController(RosterNotices notices, PageMessages messages) {
		this.notices = notices;
		this.messages = messages;
	}

	@PostMapping("/programs/cycles/{id}/notice")
	@PreAuthorize(PUBLISH)
	String publish(@PathVariable long id, @RequestParam(required = false) Integer periodDays,
			@RequestParam(defaultValue = "false") boolean workingDays, RedirectAttributes redirect) {
		try {
			RosterNoticeView n = notices.publish(Actor.require().scope(), id, periodDays, workingDays);
			redirect.addFlashAttribute("message", messages.get("handover.notice.published", n.startsOn(), n.endsOn()));
		}
		catch (BangfuException ex) {
			if (ex.problem() != Problem.BAD_INPUT && ex.problem() != Problem.CONFLICT) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/programs/cycles/" + id;
	}

	@GetMapping("/public/roster-notices")
	String list(Model model) {
		model.addAttribute("notices", notices.publicList());
		return "programs/public-roster-notices";
	}

	@GetMapping("/public/roster-notices/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("n", notices.publicNotice(id).orElseThrow(() -> BangfuException.notFound("handover.notice.notFound", id)));
		return "programs/public-roster-notice";
	}

	/** The notice as a PDF for the village board (no login; only what the public page shows). */
	@GetMapping("/public/roster-notices/{id}/pdf")
	org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable long id) {
		byte[] body = notices.publicPdf(id, org.springframework.context.i18n.LocaleContextHolder.getLocale());
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.inline().filename("roster-notice-" + id + ".pdf").build().toString())
			.body(body);
	}

	/**
	 * An objection from the public page (CSRF-protected, limited per address and hour, with a field
	 * people never see that scripts fill in), as the cases notices take theirs.
	 */
	@PostMapping("/public/roster-notices/{id}/objections")
	String object(@PathVariable long id, @RequestParam(required = false) Integer rowNo,
			@RequestParam(required = false) String name, @RequestParam(required = false) String contact,
			@RequestParam(required = false) String text, @RequestParam(required = false) String website,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			NoticeObjection.Result result = notices.objectPublicly(id, new NoticeObjection(rowNo, name, contact, text, website),
					request.getRemoteAddr());
			if (result == NoticeObjection.Result.LIMITED) {
				response.setStatus(429);
				model.addAttribute("n",
						notices.publicNotice(id).orElseThrow(() -> BangfuException.notFound("handover.notice.notFound", id)));
				model.addAttribute("error", messages.get("handover.objection.limited"));
				return "programs/public-roster-notice";
			}
			redirect.addFlashAttribute("message", messages.get("handover.objection.thanks"));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/public/roster-notices/" + id;
	}

}
