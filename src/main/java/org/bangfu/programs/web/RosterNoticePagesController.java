package org.bangfu.programs.web;

import org.bangfu.platform.web.PageMessages;
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

}
