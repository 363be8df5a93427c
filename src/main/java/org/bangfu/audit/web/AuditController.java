package org.bangfu.audit.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.audit.AuditExport;
import org.bangfu.audit.AuditFilter;
import org.bangfu.audit.AuditMessages;
import org.bangfu.audit.AuditTrail;
import org.bangfu.audit.AuditVerification;
import org.bangfu.audit.AuditVerifier;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The auditor's view of the audit log: filter, page, export, verify the hash chain.
 * <p>
 * Separation of duties: only AUDITOR may read the audit log. Administrators are deliberately
 * excluded: they change organisations, users and settings, and whoever makes changes must not
 * also be the one who reads (and could be tempted to explain away) the record of them.
 */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

	private final AuditTrail trail;

	private final AuditExport export;

	private final AuditVerifier verifier;

	private final MessageSource messages;

	private final BusinessClock clock;

	AuditController(AuditTrail trail, AuditExport export, AuditVerifier verifier, MessageSource messages,
			BusinessClock clock) {
		this.trail = trail;
		this.export = export;
		this.verifier = verifier;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/audit")
	String list(@ModelAttribute("form") AuditSearch form, BindingResult errors,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Model model,
			Locale locale) {
		try {
			model.addAttribute("result", trail.page(Actor.require().scope(), form.toFilter(), page, size));
		}
		catch (BangfuException ex) {
			// the only failure is a malformed date, which names its field (from / to)
			errors.rejectValue(ex.field(), ex.messageKey(), ex.args(),
					messages.getMessage(ex.messageKey(), ex.args(), locale));
		}
		return "audit/list";
	}

	@GetMapping("/audit/export")
	void export(@ModelAttribute("form") AuditSearch form, Locale locale, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		AuditFilter filter;
		try {
			filter = form.toFilter();
		}
		catch (BangfuException ex) {
			// back to the list with the same filter, which shows the message next to the field
			String query = request.getQueryString();
			response.sendRedirect(request.getContextPath() + "/audit" + (query == null ? "" : "?" + query));
			return;
		}
		response.setContentType(AuditExport.CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(AuditExport.fileName(clock.now())).build().toString());
		export.export(Actor.require().scope(), filter, locale, response.getOutputStream());
	}

	@PostMapping("/audit/verify")
	String verify(RedirectAttributes redirect, Locale locale) {
		AuditVerification result = verifier.verify();
		redirect.addFlashAttribute(result.intact() ? "message" : "error",
				AuditMessages.verification(messages, result, locale));
		return "redirect:/audit";
	}

}
