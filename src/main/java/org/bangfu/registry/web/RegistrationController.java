package org.bangfu.registry.web;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.organisation.Organisations;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.FileNumbers;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Registrations;
import org.bangfu.registry.Registrations.IndexedMember;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
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
 * Registering a household on one page: a suggested file number, the region picker at the
 * organisation's region, the head and further members saved together.
 */
@Controller
class RegistrationController {

	static final int MAX_ROWS = 30;

	private final Registrations registrations;

	private final FileNumbers fileNumbers;

	private final Organisations organisations;

	private final FormErrors forms;

	private final PageMessages messages;

	RegistrationController(Registrations registrations, FileNumbers fileNumbers, Organisations organisations,
			FormErrors forms, PageMessages messages) {
		this.registrations = registrations;
		this.fileNumbers = fileNumbers;
		this.organisations = organisations;
		this.forms = forms;
		this.messages = messages;
	}

	@GetMapping("/households/new")
	@PreAuthorize(HouseholdController.WRITE)
	String newForm(Model model) {
		Scope scope = Actor.require().scope();
		HouseholdForm form = new HouseholdForm();
		// a suggested 户编号 from the organisation's sequence, and the region picker at the organisation's region
		form.setFileNo(fileNumbers.suggest(scope));
		form.setRegionCode(organisations.require(scope, scope.organisationId()).regionCode());
		form.getMembers().add(new MemberForm());
		model.addAttribute("form", form);
		model.addAttribute("fileNoSuggested", true);
		model.addAttribute("headCheck", HeadCheck.newHousehold(messages));
		model.addAttribute("memberCheck", HeadCheck.furtherMember(messages));
		HouseholdController.vocabulary(model);
		return "registry/new";
	}

	@PostMapping("/households")
	@PreAuthorize(HouseholdController.WRITE)
	String create(@ModelAttribute("form") HouseholdForm form, BindingResult errors,
			@RequestParam(defaultValue = "file") String saveAs, Model model, RedirectAttributes redirect) {
		if ("addMember".equals(saveAs)) {
			// one more member row on the same page, nothing saved yet (a household of at most MAX_ROWS more)
			if (form.getMembers().size() < MAX_ROWS) {
				form.getMembers().add(new MemberForm());
			}
			model.addAttribute("headCheck", HeadCheck.newHousehold(messages));
			model.addAttribute("memberCheck", HeadCheck.furtherMember(messages));
			HouseholdController.vocabulary(model);
			return "registry/new";
		}
		boolean draft = "draft".equals(saveAs);
		FileHousehold cmd = new FileHousehold(null, form.toData(), form.getHead().toData(), draft);
		forms.validate(cmd, errors, p -> p.startsWith("household.") ? p.substring(10) : p);
		List<IndexedMember> members = new ArrayList<>();
		for (int i = 0; i < form.getMembers().size(); i++) {
			MemberForm m = form.getMembers().get(i);
			if (m == null || m.blank()) {
				continue;
			}
			String row = "members[" + i + "].";
			AddMember add = new AddMember(m.toData());
			forms.validate(add, errors, p -> row + p.replaceFirst("^member\\.", ""));
			members.add(new IndexedMember(i, add));
		}
		if (!errors.hasErrors()) {
			try {
				HouseholdView h = registrations.file(Actor.require().scope(), cmd, members);
				redirect.addFlashAttribute("message",
						draft ? messages.get("registry.drafted", h.fileNo()) : messages.get("registry.filed", h.fileNo()));
				return "redirect:/households/" + h.id();
			}
			catch (BangfuException ex) {
				forms.reject(errors, ex, ex.field() != null && ex.field().equals("idNumber") || "relation".equals(ex.field())
						|| "disabilityGrade".equals(ex.field()) ? "head." : "");
			}
		}
		model.addAttribute("headCheck", HeadCheck.newHousehold(messages));
		model.addAttribute("memberCheck", HeadCheck.furtherMember(messages));
		HouseholdController.vocabulary(model);
		return "registry/new";
	}

}
