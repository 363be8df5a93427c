package org.bangfu.programs.web;

import java.time.LocalDate;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.NewPost;
import org.bangfu.programs.PostEnd;
import org.bangfu.programs.PostQuery;
import org.bangfu.programs.PostSubsidies;
import org.bangfu.programs.PostView;
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

/** The post register (以岗定补): the list with its filters, a post to register, a post and leaving it. */
@Controller
class PostPagesController {

	static final String READ = ProgramPageController.READ;

	static final String WRITE = ProgramPageController.ADMINISTER;

	private final PostSubsidies posts;

	private final PageMessages messages;

	PostPagesController(PostSubsidies posts, PageMessages messages) {
		this.posts = posts;
		this.messages = messages;
	}

	@GetMapping("/posts")
	@PreAuthorize(READ)
	String list(@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String post, @RequestParam(required = false) Integer tier,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, Model model) {
		Scope scope = Actor.require().scope();
		PostQuery q = new PostQuery(name, idNumber, post, tier, status, page, size);
		try {
			model.addAttribute("result", posts.page(scope, q));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			model.addAttribute("error", messages.of(ex));
			model.addAttribute("result", posts.page(scope, new PostQuery(name, null, post, tier, status, page, size)));
		}
		model.addAttribute("q", q);
		model.addAttribute("overlapping", posts.overlapping(scope));
		model.addAttribute("tiers", java.util.stream.IntStream.rangeClosed(1, 5).boxed().toList());
		model.addAttribute("sizes", PostQuery.SIZES);
		model.addAttribute("month", java.time.YearMonth.from(LocalDate.now(org.bangfu.shared.BusinessClock.zone())));
		return "programs/posts";
	}

	@GetMapping("/posts/new")
	@PreAuthorize(WRITE)
	String form(Model model) {
		model.addAttribute("post", new NewPost(null, null, null, null, null, null, null, null, null));
		return "programs/post-form";
	}

	@PostMapping("/posts")
	@PreAuthorize(WRITE)
	String register(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name,
			@RequestParam(required = false) String postName, @RequestParam(required = false) String place,
			@RequestParam(required = false) Integer tier,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String bankName, @RequestParam(required = false) String account, Model model,
			RedirectAttributes redirect) {
		NewPost cmd = new NewPost(idNumber, name, postName, place, tier, from, to, bankName, account);
		PostView saved;
		try {
			saved = posts.register(Actor.require().scope(), cmd);
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			model.addAttribute("error", messages.of(ex));
			model.addAttribute("errorField", ex.field());
			model.addAttribute("post", new NewPost(idNumber, name, postName, place, tier, from, to, bankName, null));
			return "programs/post-form";
		}
		redirect.addFlashAttribute("message", messages.get("posts.saved"));
		return "redirect:/posts/" + saved.id();
	}

	@GetMapping("/posts/{id}")
	@PreAuthorize(READ)
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("post", posts.post(Actor.require().scope(), id));
		return "programs/post";
	}

	@PostMapping("/posts/{id}/end")
	@PreAuthorize(WRITE)
	String end(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "0") int version, Model model,
			RedirectAttributes redirect) {
		Scope scope = Actor.require().scope();
		try {
			posts.end(scope, id, new PostEnd(lastDay, reason, version));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN || ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			model.addAttribute("error", messages.of(ex));
			model.addAttribute("post", posts.post(scope, id));
			model.addAttribute("lastDay", lastDay);
			model.addAttribute("reason", reason);
			return "programs/post";
		}
		redirect.addFlashAttribute("message", messages.get("posts.ended"));
		return "redirect:/posts/" + id;
	}

}
