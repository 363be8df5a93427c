package org.bangfu.programs.web;

import java.io.IOException;
import java.io.InputStream;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.PostImports;
import org.bangfu.programs.internal.posts.PostSheet;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Posts imported from an xlsx or CSV sheet, all or nothing, with every problem listed by row. */
@Controller
class PostImportPageController {

	private final PostImports imports;

	private final PageMessages messages;

	PostImportPageController(PostImports imports, PageMessages messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping("/posts/import")
	@PreAuthorize(PostPagesController.WRITE)
	String form(Model model) {
		model.addAttribute("columns", PostSheet.COLUMNS);
		return "programs/post-import";
	}

	@PostMapping("/posts/import")
	@PreAuthorize(PostPagesController.WRITE)
	String upload(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		model.addAttribute("columns", PostSheet.COLUMNS);
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", messages.get("imports.file.empty"));
			return "programs/post-import";
		}
		PostImports.Result result;
		try (InputStream in = file.getInputStream()) {
			result = imports.importSheet(Actor.require().scope(), in, file.getOriginalFilename());
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			model.addAttribute("error", messages.of(ex));
			return "programs/post-import";
		}
		if (!result.problems().isEmpty()) {
			model.addAttribute("error", messages.get("posts.import.failed", result.problems().size()));
			model.addAttribute("problems", result.problems());
			return "programs/post-import";
		}
		redirect.addFlashAttribute("message", messages.get("posts.import.done", result.imported()));
		return "redirect:/posts";
	}

}
