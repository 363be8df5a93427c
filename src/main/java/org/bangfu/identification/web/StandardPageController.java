package org.bangfu.identification.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.bangfu.identification.StandardBasis;
import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.StandardCommands.AddStandardKind;
import org.bangfu.identification.Standards;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Standards: list with filters, add a figure, history of one kind and region, and "which figure applies here". */
@Controller
class StandardPageController {

	static final String EDIT = "hasAnyRole('ADMIN','APPROVER')";

	private final Standards standards;

	private final PageMessages messages;

	private final BusinessClock clock;

	StandardPageController(Standards standards, PageMessages messages, BusinessClock clock) {
		this.standards = standards;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/identification/standards")
	@PreAuthorize(DecisionPageController.READ)
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "1") int page, Model model) {
		try {
			model.addAttribute("page", standards.list(kind, region, page, 20));
		}
		catch (BangfuException ex) {
			model.addAttribute("filterError", messages.of(ex));
			model.addAttribute("page", standards.list(null, null, 1, 20));
		}
		model.addAttribute("kind", kind);
		model.addAttribute("region", region);
		model.addAttribute("kinds", standards.kinds());
		model.addAttribute("kindNames", standards.kinds().stream()
			.collect(java.util.stream.Collectors.toMap(k -> k.code(), k -> k.name(LocaleContextHolder.getLocale()), (a, b) -> a)));
		model.addAttribute("bases", StandardBasis.values());
		model.addAttribute("today", clock.today());
		return "identification/standards";
	}

	@PostMapping("/identification/standards")
	@PreAuthorize(EDIT)
	String add(@RequestParam(required = false) String kind, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String value, @RequestParam(required = false) StandardBasis basis,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			BigDecimal amount;
			try {
				amount = new BigDecimal(value == null ? "" : value.strip().replace(",", "").replace("¥", ""));
			}
			catch (NumberFormatException ex) {
				throw BangfuException.badField("value", "identification.standard.value.required");
			}
			if (kind == null || kind.isBlank()) {
				throw BangfuException.badField("kind", "identification.standard.kind.required");
			}
			if (effectiveFrom == null) {
				throw BangfuException.badField("effectiveFrom", "identification.standard.from.required");
			}
			var added = standards.add(Actor.require().scope(), new AddStandard(kind, regionCode, amount, basis, effectiveFrom,
					effectiveTo, note));
			redirect.addFlashAttribute("message", messages.get("identification.standard.added", added.kind(),
					added.valueText(), added.version()));
		}
		catch (BangfuException ex) {
			if (ex.problem() == org.bangfu.shared.Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/identification/standards";
	}

	@PostMapping("/identification/standards/kinds")
	@PreAuthorize(EDIT)
	String addKind(@RequestParam String code, @RequestParam StandardBasis basis, @RequestParam String nameZh,
			@RequestParam String nameEn, RedirectAttributes redirect) {
		try {
			if (!code.matches("[a-z][a-z0-9_]{1,39}")) {
				throw BangfuException.badField("code", "identification.kind.code.pattern");
			}
			if (nameZh.isBlank() || nameEn.isBlank()) {
				throw BangfuException.badField("nameZh", "identification.kind.name.required");
			}
			standards.addKind(new AddStandardKind(code, basis, nameZh, nameEn));
			redirect.addFlashAttribute("message", messages.get("identification.kind.added", code));
		}
		catch (BangfuException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/identification/standards";
	}

	@PostMapping("/identification/standards/{id}/end")
	@PreAuthorize(EDIT)
	String end(@org.springframework.web.bind.annotation.PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveTo,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		var figure = standards.require(id);
		try {
			if (effectiveTo == null) {
				throw BangfuException.badField("effectiveTo", "identification.standard.to.required");
			}
			var ended = standards.end(Actor.require().scope(), id, new org.bangfu.identification.StandardCommands.EndStandard(
					effectiveTo, note));
			redirect.addFlashAttribute("message", messages.get("identification.standard.ended", ended.valueText(),
					ended.effectiveTo(), ended.version()));
		}
		catch (BangfuException ex) {
			if (ex.problem() == org.bangfu.shared.Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		redirect.addAttribute("kind", figure.kind());
		redirect.addAttribute("region", figure.regionCode() == null ? "" : figure.regionCode());
		return "redirect:/identification/standards/history";
	}

	@GetMapping("/identification/standards/history")
	@PreAuthorize(DecisionPageController.READ)
	String history(@RequestParam String kind, @RequestParam(required = false) String region, Model model) {
		model.addAttribute("kind", standards.kinds().stream().filter(k -> k.code().equals(kind)).findFirst()
			.orElseThrow(() -> BangfuException.notFound("identification.standard.kind.unknown", kind)));
		model.addAttribute("region", region);
		model.addAttribute("figures", standards.history(kind, region));
		model.addAttribute("today", clock.today());
		return "identification/standard-history";
	}

	@GetMapping("/identification/standards/applicable")
	@PreAuthorize(DecisionPageController.READ)
	String applicable(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
		LocalDate d = date == null ? clock.today() : date;
		model.addAttribute("regionCode", regionCode);
		model.addAttribute("date", d);
		if (regionCode != null && !regionCode.isBlank()) {
			try {
				model.addAttribute("applicable", standards.applicable(regionCode, d));
			}
			catch (BangfuException ex) {
				model.addAttribute("filterError", messages.of(ex));
			}
		}
		return "identification/applicable";
	}

}
