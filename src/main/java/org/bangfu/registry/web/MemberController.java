package org.bangfu.registry.web;

import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.MoveMember;
import org.bangfu.registry.HouseholdCommands.RemoveMember;
import org.bangfu.registry.HouseholdCommands.UpdateMember;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.platform.web.PageMessages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class MemberController {

	private final HouseholdRegistry registry;

	private final FormErrors forms;

	private final PageMessages messages;

	MemberController(HouseholdRegistry registry, FormErrors forms, PageMessages messages) {
		this.registry = registry;
		this.forms = forms;
		this.messages = messages;
	}

	@GetMapping("/households/{id}/members/new")
	@PreAuthorize(HouseholdController.WRITE)
	String addForm(@PathVariable long id, Model model) {
		model.addAttribute("form", new MemberForm());
		return page(id, null, model);
	}

	@PostMapping("/households/{id}/members")
	@PreAuthorize(HouseholdController.WRITE)
	String add(@PathVariable long id, @ModelAttribute("form") MemberForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		AddMember cmd = new AddMember(form.toData());
		forms.validate(cmd, errors, p -> p.replaceFirst("^member\\.", ""));
		if (!errors.hasErrors()) {
			try {
				MemberView m = registry.addMember(Actor.require().scope(), id, cmd);
				redirect.addFlashAttribute("message", messages.get("registry.memberAdded", m.name()));
				return "redirect:/households/" + id;
			}
			catch (BangfuException ex) {
				forms.reject(errors, ex, "");
			}
		}
		return page(id, null, model);
	}

	@GetMapping("/households/{id}/members/{memberId}/edit")
	@PreAuthorize(HouseholdController.WRITE)
	String editForm(@PathVariable long id, @PathVariable long memberId, Model model) {
		HouseholdView h = HouseholdController.inScope(registry, id);
		MemberView m = h.member(memberId).orElseThrow(() -> BangfuException.notFound("registry.member.notFound", memberId));
		model.addAttribute("form", MemberForm.of(m));
		return page(id, m, model);
	}

	@PostMapping("/households/{id}/members/{memberId}/edit")
	@PreAuthorize(HouseholdController.WRITE)
	String update(@PathVariable long id, @PathVariable long memberId, @ModelAttribute("form") MemberForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		HouseholdView h = HouseholdController.inScope(registry, id);
		UpdateMember cmd = new UpdateMember(form.toData());
		forms.validate(cmd, errors, p -> p.replaceFirst("^member\\.", ""));
		if (!errors.hasErrors()) {
			try {
				registry.updateMember(Actor.require().scope(), id, memberId, cmd);
				redirect.addFlashAttribute("message", messages.get("registry.saved"));
				return "redirect:/households/" + id;
			}
			catch (BangfuException ex) {
				forms.reject(errors, ex, "");
			}
		}
		return page(id, h.member(memberId).orElse(null), model);
	}

	@PostMapping("/households/{id}/members/{memberId}/remove")
	@PreAuthorize(HouseholdController.WRITE)
	String remove(@PathVariable long id, @PathVariable long memberId, RedirectAttributes redirect) {
		HouseholdController.inScope(registry, id);
		try {
			registry.removeMember(Actor.require().scope(), id, memberId, new RemoveMember(null));
			redirect.addFlashAttribute("message", messages.get("registry.memberRemoved"));
		}
		catch (BangfuException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/households/" + id;
	}

	@PostMapping("/households/{id}/members/{memberId}/move")
	@PreAuthorize(HouseholdController.WRITE)
	String move(@PathVariable long id, @PathVariable long memberId, @RequestParam(required = false) Long toHouseholdId,
			@RequestParam(required = false) Relation relation, RedirectAttributes redirect) {
		HouseholdController.inScope(registry, id);
		try {
			if (toHouseholdId == null || relation == null) {
				throw BangfuException.badField("toHouseholdId", "registry.moveTarget.required");
			}
			registry.moveMember(Actor.require().scope(), id, memberId, new MoveMember(toHouseholdId, relation));
			redirect.addFlashAttribute("message", messages.get("registry.memberMoved"));
			return "redirect:/households/" + toHouseholdId;
		}
		catch (BangfuException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/households/" + id;
		}
	}

	/** The member form shows the household's members (names, masked ID numbers): audited as a view. */
	private String page(long id, MemberView member, Model model) {
		HouseholdView h = registry.view(Actor.require().scope(), id);
		model.addAttribute("h", h);
		model.addAttribute("member", member);
		model.addAttribute("headCheck", member == null ? HeadCheck.adding(h, messages) : HeadCheck.editing(h, member, messages));
		HouseholdController.vocabulary(model);
		return "registry/member";
	}

}
