package org.bangfu.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.cases.NoticeCommands.PublicObjection;
import org.bangfu.cases.NoticeCommands.PublicObjectionResult;
import org.bangfu.cases.Notices;
import org.bangfu.cases.PublicNotice;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public notice board (/public/notices, no login): published notices, a printable page for
 * the village board, and the objection form (CSRF-protected, rate-limited per address, with a
 * field people never see that scripts fill in).
 */
@Controller
class PublicNoticeController {

	private final Notices notices;

	private final PageMessages messages;

	PublicNoticeController(Notices notices, PageMessages messages) {
		this.notices = notices;
		this.messages = messages;
	}

	@GetMapping("/public/notices")
	String list(Model model) {
		model.addAttribute("notices", notices.publicList());
		return "notices/public-list";
	}

	@GetMapping("/public/notices/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("n", find(id));
		return "notices/public-detail";
	}

	@GetMapping("/public/notices/{id}/print")
	String print(@PathVariable long id, Model model) {
		model.addAttribute("n", find(id));
		model.addAttribute("today", notices.today());
		return "notices/print";
	}

	@PostMapping("/public/notices/{id}/objections")
	String object(@PathVariable long id, @RequestParam(required = false) Integer rowNo,
			@RequestParam(required = false) String name, @RequestParam(required = false) String contact,
			@RequestParam(required = false) String text, @RequestParam(required = false) String website,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			PublicObjectionResult result = notices.objectPublicly(id, new PublicObjection(rowNo, name, contact, text, website),
					request.getRemoteAddr());
			if (result == PublicObjectionResult.LIMITED) {
				response.setStatus(429);
				model.addAttribute("n", find(id));
				model.addAttribute("error", messages.get("notices.objection.limited"));
				return "notices/public-detail";
			}
			redirect.addFlashAttribute("message", messages.get("notices.objection.thanks"));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/public/notices/" + id;
	}

	private PublicNotice find(long id) {
		return notices.publicNotice(id).orElseThrow(() -> BangfuException.notFound("notices.notFound", id));
	}

}
