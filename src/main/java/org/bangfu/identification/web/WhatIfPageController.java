package org.bangfu.identification.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.RuleSets;
import org.bangfu.identification.StandardBasis;
import org.bangfu.identification.Standards;
import org.bangfu.identification.WhatIf;
import org.bangfu.identification.WhatIfRequest;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What-if: propose a figure or another version, see the moves; nothing is saved (a GET, bookmarkable). */
@Controller
class WhatIfPageController {

	static final String WHAT_IF = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	private final WhatIf whatIf;

	private final RuleSets ruleSets;

	private final Standards standards;

	private final PageMessages messages;

	WhatIfPageController(WhatIf whatIf, RuleSets ruleSets, Standards standards, PageMessages messages) {
		this.whatIf = whatIf;
		this.ruleSets = ruleSets;
		this.standards = standards;
		this.messages = messages;
	}

	@GetMapping("/identification/what-if")
	@PreAuthorize(WHAT_IF)
	String page(@RequestParam(required = false) String ruleSet, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String value,
			@RequestParam(required = false) StandardBasis basis, @RequestParam(required = false) Long proposedRuleSetId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) String groupBy, @RequestParam(defaultValue = "1") int page, Model model) {
		Actor actor = Actor.require();
		List<RuleSetView> visible = ruleSets.list(actor.scope());
		model.addAttribute("codes", visible.stream().filter(r -> !r.draft()).map(RuleSetView::code).distinct().toList());
		model.addAttribute("versions", visible);
		model.addAttribute("kinds", standards.kinds());
		model.addAttribute("bases", StandardBasis.values());
		model.addAttribute("ruleSet", ruleSet);
		model.addAttribute("kind", kind);
		model.addAttribute("regionCode", regionCode);
		model.addAttribute("value", value);
		model.addAttribute("basis", basis);
		model.addAttribute("proposedRuleSetId", proposedRuleSetId);
		model.addAttribute("asOf", asOf);
		model.addAttribute("groupBy", groupBy);
		if (ruleSet != null && !ruleSet.isBlank()) {
			try {
				WhatIfRequest.ProposedStandard proposed = null;
				if (kind != null && !kind.isBlank()) {
					BigDecimal amount;
					try {
						amount = new BigDecimal(value == null ? "" : value.strip().replace(",", ""));
					}
					catch (NumberFormatException ex) {
						throw BangfuException.badField("value", "identification.standard.value.required");
					}
					proposed = new WhatIfRequest.ProposedStandard(kind, regionCode, amount, basis);
				}
				model.addAttribute("result", whatIf.run(actor.scope(),
						new WhatIfRequest(ruleSet, asOf, proposed, proposedRuleSetId, groupBy, page, 20),
						LocaleContextHolder.getLocale()));
			}
			catch (BangfuException ex) {
				model.addAttribute("whatIfError", messages.of(ex));
			}
		}
		return "identification/what-if";
	}

}
