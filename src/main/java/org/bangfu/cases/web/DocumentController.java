package org.bangfu.cases.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.cases.CaseDocuments;
import org.bangfu.cases.CaseDocuments.Download;
import org.bangfu.cases.Cases;
import org.bangfu.cases.DocumentKind;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Case documents on the page: upload, download (audited), remove, and the whole case file as a ZIP. */
@Controller
class DocumentController {

	private final CaseDocuments documents;

	private final Cases cases;

	private final PageMessages messages;

	DocumentController(CaseDocuments documents, Cases cases, PageMessages messages) {
		this.documents = documents;
		this.cases = cases;
		this.messages = messages;
	}

	@PostMapping("/cases/{id}/documents")
	@PreAuthorize(CasePages.WORK)
	String upload(@PathVariable long id, @RequestParam(required = false) DocumentKind kind,
			@RequestParam(required = false) Long memberId, @RequestParam(required = false) String title,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		try {
			if (file == null || file.isEmpty()) {
				throw BangfuException.badField("file", "cases.document.file.required");
			}
			try (InputStream in = file.getInputStream()) {
				var d = documents.upload(Actor.require(), id, kind, memberId, title, file.getOriginalFilename(), in);
				redirect.addFlashAttribute("message", messages.get("cases.documents.uploaded", d.fileName()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND || ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/cases/" + id + "#documents";
	}

	@GetMapping("/cases/{id}/documents/{documentId}")
	@PreAuthorize(CasePages.READ)
	void download(@PathVariable long id, @PathVariable long documentId, HttpServletResponse response) throws IOException {
		Download d = documents.download(Actor.require(), id, documentId);
		try (InputStream in = d.content()) {
			response.setContentType(d.document().contentType());
			response.setContentLengthLong(d.document().sizeBytes());
			response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + encode(d.document().fileName()));
			response.setHeader("X-Content-Type-Options", "nosniff");
			in.transferTo(response.getOutputStream());
		}
	}

	@PostMapping("/cases/{id}/documents/{documentId}/remove")
	@PreAuthorize(CasePages.WORK)
	String remove(@PathVariable long id, @PathVariable long documentId, RedirectAttributes redirect) {
		try {
			documents.remove(Actor.require(), id, documentId);
			redirect.addFlashAttribute("message", messages.get("cases.documents.removed"));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND || ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/cases/" + id + "#documents";
	}

	@GetMapping("/cases/{id}/archive")
	@PreAuthorize(CasePages.READ)
	void archive(@PathVariable long id, HttpServletResponse response) throws IOException {
		var c = cases.require(Actor.require(), id);
		response.setContentType("application/zip");
		response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + encode(c.caseNo() + ".zip"));
		documents.archive(Actor.require(), id, LocaleContextHolder.getLocale(), response.getOutputStream());
	}

	@GetMapping("/cases/{id}/archive.pdf")
	@PreAuthorize(CasePages.READ)
	void archivePdf(@PathVariable long id, HttpServletResponse response) throws IOException {
		var c = cases.require(Actor.require(), id);
		byte[] pdf = documents.archivePdf(Actor.require(), id, LocaleContextHolder.getLocale());
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "inline; filename*=UTF-8''" + encode(c.caseNo() + ".pdf"));
		response.getOutputStream().write(pdf);
	}

	static String encode(String name) {
		return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
